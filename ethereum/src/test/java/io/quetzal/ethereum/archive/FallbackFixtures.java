package io.quetzal.ethereum.archive;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.types.EthAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Inputs for the Spire Proposer and trace fallbacks: the recorded propose calldata, a hand-written
 * Spire {@code multicall} encoder, and the trace fixtures under {@code archive/traces} (their
 * {@code @PROPOSE@} and {@code @OTHER@} inputs filled in).
 */
final class FallbackFixtures {
  /** A contract standing between the sender and the rollup in the trace fixtures. */
  static final EthAddress FORWARDER =
      EthAddress.fromString("0x2222222222222222222222222222222222222222");

  static final EthAddress PROPOSER =
      EthAddress.fromString("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");

  private FallbackFixtures() {}

  /** The recorded aggregate3 input of proposal {@code i} (0-based). */
  static byte[] aggregate3Input(int i) {
    return Hex.decode(ArchiveFixtures.proposalTxs().get(i).path("input").asText());
  }

  /** The recorded propose calldata of proposal {@code i} (0-based), out of its aggregate3. */
  static byte[] proposeCalldata(int i) {
    return CalldataRetriever.proposeCallsInAggregate3(aggregate3Input(i), ArchiveFixtures.ROLLUP)
        .getFirst();
  }

  /** A wrapped call with the given target and data (proposer, value and gas are filler). */
  static SpireProposer.Call spireCall(EthAddress target, byte[] data) {
    return new SpireProposer.Call(
        PROPOSER, target, data, BigInteger.ZERO, BigInteger.valueOf(5_000_000));
  }

  /** {@code multicall((address,address,bytes,uint256,uint256)[])} calldata, encoded by hand. */
  static byte[] spireMulticall(List<SpireProposer.Call> calls) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(Hex.decode(SpireProposer.MULTICALL_SELECTOR));
    out.writeBytes(word(BigInteger.valueOf(32))); // offset of the array
    out.writeBytes(word(BigInteger.valueOf(calls.size())));
    // Element offsets, relative to the start of the element area (right after the length).
    long at = 32L * calls.size();
    for (SpireProposer.Call c : calls) {
      out.writeBytes(word(BigInteger.valueOf(at)));
      at += tupleSize(c);
    }
    for (SpireProposer.Call c : calls) {
      out.writeBytes(word(c.proposer()));
      out.writeBytes(word(c.target()));
      out.writeBytes(word(BigInteger.valueOf(5 * 32))); // data follows the five head words
      out.writeBytes(word(c.value()));
      out.writeBytes(word(c.gasLimit()));
      byte[] data = c.data();
      out.writeBytes(word(BigInteger.valueOf(data.length)));
      out.writeBytes(data);
      out.writeBytes(new byte[padding(data.length)]);
    }
    return out.toByteArray();
  }

  /** The EIP-1967 slot value of a proxy pointing to {@code impl}. */
  static String implementationWord(EthAddress impl) {
    return Hex.encode(word(impl));
  }

  private static long tupleSize(SpireProposer.Call c) {
    int n = c.data().length;
    return 6 * 32L + n + padding(n);
  }

  private static int padding(int n) {
    return (32 - n % 32) % 32;
  }

  static byte[] word(BigInteger v) {
    byte[] b = v.toByteArray();
    byte[] w = new byte[32];
    int len = Math.min(b.length, 32);
    System.arraycopy(b, b.length - len, w, 32 - len, len);
    return w;
  }

  static byte[] word(EthAddress a) {
    byte[] w = new byte[32];
    System.arraycopy(a.toBytes(), 0, w, 12, 20);
    return w;
  }

  /**
   * The {@code result} of a trace fixture ({@code trace_transaction_one.json}, {@code
   * debug_traceTransaction_two.json}, ...) with its placeholders filled: {@code @PROPOSE@} is the
   * input of the successful propose calls to the rollup, {@code @OTHER@} the input of the reverted,
   * static, delegate and elsewhere-sent ones.
   */
  static JsonNode trace(String name, String propose, String other) {
    String text;
    try (InputStream in = FallbackFixtures.class.getResourceAsStream("traces/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource traces/" + name);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    text = text.replace("@PROPOSE@", propose).replace("@OTHER@", other);
    try {
      return ArchiveFixtures.MAPPER.readTree(text).path("result");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
