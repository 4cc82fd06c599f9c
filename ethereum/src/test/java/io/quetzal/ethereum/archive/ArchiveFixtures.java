package io.quetzal.ethereum.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quetzal.foundation.types.EthAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The official 4.1.2 local network fixtures copied under {@code
 * resources/io/quetzal/ethereum/archive} (see shared/fixtures/reference-4.1.2/MANIFEST.md): rollup
 * and inbox logs, the nine proposal transactions (blobs stripped but in the first), the blob file
 * store, and the node's checkpoints with their block bodies removed.
 */
public final class ArchiveFixtures {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  public static final EthAddress ROLLUP =
      EthAddress.fromString("0x322813fd9a801c5507c9de605d63cea4f2ce6c44");
  public static final EthAddress INBOX =
      EthAddress.fromString("0x6a1b3c7624b69000d7848916fb4f42026409586c");
  public static final long CHAIN_ID = 31337;
  public static final long ROLLUP_VERSION = 344372055;

  private ArchiveFixtures() {}

  public static JsonNode json(String name) {
    try (InputStream in = ArchiveFixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The directory of a resource (resources are plain files under target/test-classes). */
  public static Path dir(String name) {
    try {
      return Path.of(ArchiveFixtures.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<L1Log> rollupLogs() {
    return L1Log.listFromJson(json("eth_getLogs_rollup.json").path("response").path("result"));
  }

  public static List<L1Log> inboxLogs() {
    return L1Log.listFromJson(json("eth_getLogs_inbox.json").path("response").path("result"));
  }

  public static List<RollupEvents.CheckpointProposed> proposedEvents() {
    return rollupLogs().stream()
        .filter(l -> RollupEvents.is(l, RollupEvents.CHECKPOINT_PROPOSED))
        .map(RollupEvents::checkpointProposed)
        .toList();
  }

  /** The proposal transactions ({@code eth_getTransactionByHash} results), in L1 block order. */
  public static List<JsonNode> proposalTxs() {
    Path d = dir("proposals");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(d)) {
      s.filter(p -> p.getFileName().toString().endsWith(".tx.json")).forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(
        (a, b) ->
            Long.compare(
                Long.parseLong(a.getFileName().toString().split("_")[0]),
                Long.parseLong(b.getFileName().toString().split("_")[0])));
    List<JsonNode> out = new ArrayList<>();
    for (Path f : files) {
      try {
        out.add(MAPPER.readTree(f.toFile()).path("response").path("result"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** The node's checkpoints 1..9 ({@code node_getCheckpoints(1, 50)}). */
  public static List<JsonNode> checkpoints() {
    List<JsonNode> out = new ArrayList<>();
    json("node_getCheckpoints_1_50.json").path("response").path("result").forEach(out::add);
    return out;
  }
}
