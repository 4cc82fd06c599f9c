package io.quetzal.worldstate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.block.PartialStateReference;
import io.quetzal.stdlib.block.StateReference;
import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import io.quetzal.stdlib.trees.PublicDataTreeLeaf;
import io.quetzal.worldstate.BlockInput;
import io.quetzal.worldstate.TxEffects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The workload of {@code world-state-bench.mjs} (bench README §4): block {@code b} has {@code txs}
 * transactions of {@code perTx} note hashes, nullifiers and public data writes each, all values
 * from the SHA-256 stream {@code field(tag, b, t, i)}; 1024 zero L1→L2 messages (every block is the
 * first of its checkpoint); the archive leaf is {@code field('h', b, 0, 0)}.
 */
public final class BenchWorkload {
  private static final byte[] PREFIX = "ws-bench/v1".getBytes(StandardCharsets.US_ASCII);

  private final int txs;
  private final int perTx;
  private final int seed;
  private final JsonNode refs;

  public BenchWorkload(int txs, int perTx, int seed, JsonNode refs) {
    this.txs = txs;
    this.perTx = perTx;
    this.seed = seed;
    this.refs = refs;
  }

  /** The default workload (72 txs, 64 per tx, seed 1) with the given reference file. */
  public static BenchWorkload standard(JsonNode refs) {
    JsonNode w = refs.get("workload");
    if (w.get("txs").asInt() != 72
        || w.get("perTx").asInt() != 64
        || w.get("msgs").asInt() != 1024
        || w.get("seed").asInt() != 1) {
      throw new IllegalArgumentException("reference file is for another workload: " + w);
    }
    return new BenchWorkload(72, 64, 1, refs);
  }

  /** Reads a reference file from the classpath. */
  public static JsonNode refsResource(String name) {
    try (InputStream in = BenchWorkload.class.getResourceAsStream(name)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many blocks the reference file covers. */
  public int referenceBlocks() {
    return refs.get("refs").size();
  }

  public JsonNode refs() {
    return refs;
  }

  /** {@code field(tag, b, t, i)}: SHA-256 of the stream input with the top 3 bits cleared. */
  public Fr field(char tag, int b, int t, int i) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(PREFIX);
      byte[] tail = new byte[17];
      tail[0] = (byte) tag;
      put32(tail, 1, seed);
      put32(tail, 5, b);
      put32(tail, 9, t);
      put32(tail, 13, i);
      md.update(tail);
      byte[] out = md.digest();
      out[0] &= 0x1f;
      return Fr.fromBytes(out);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void put32(byte[] b, int o, int v) {
    b[o] = (byte) (v >>> 24);
    b[o + 1] = (byte) (v >>> 16);
    b[o + 2] = (byte) (v >>> 8);
    b[o + 3] = (byte) v;
  }

  /** The expected state after block {@code b} (1-based) from the reference file. */
  public StateReference expectedState(int b) {
    AppendOnlyTreeSnapshot[] s = new AppendOnlyTreeSnapshot[4];
    for (JsonNode e : refs.get("refs").get(b - 1)) {
      s[e.get(0).asInt()] =
          new AppendOnlyTreeSnapshot(
              Fr.fromHexString(e.get(1).asText()), Long.parseLong(e.get(2).asText()));
    }
    return new StateReference(s[3], new PartialStateReference(s[1], s[0], s[2]));
  }

  /** Block {@code b} (1-based) as the world state takes it. */
  public BlockInput block(int b) {
    List<TxEffects> list = new ArrayList<>(txs);
    for (int t = 0; t < txs; t++) {
      List<Fr> notes = new ArrayList<>(perTx);
      List<Fr> nullifiers = new ArrayList<>(perTx);
      List<PublicDataTreeLeaf> writes = new ArrayList<>(perTx);
      for (int i = 0; i < perTx; i++) {
        notes.add(field('n', b, t, i));
      }
      for (int i = 0; i < perTx; i++) {
        nullifiers.add(field('x', b, t, i));
      }
      for (int i = 0; i < perTx; i++) {
        writes.add(new PublicDataTreeLeaf(field('s', b, t, i), field('v', b, t, i)));
      }
      list.add(new TxEffects(notes, nullifiers, writes));
    }
    return new BlockInput(b, field('h', b, 0, 0), expectedState(b), true, List.of(), list);
  }
}
