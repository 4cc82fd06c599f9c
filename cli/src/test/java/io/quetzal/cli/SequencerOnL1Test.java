package io.quetzal.cli;

import static io.quetzal.cli.NodeProbe.call;
import static io.quetzal.cli.NodeProbe.freePort;
import static io.quetzal.cli.NodeProbe.get;
import static io.quetzal.cli.NodeProbe.tryCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.ethereum.contracts.RollupContract;
import io.quetzal.ethereum.local.LocalNetworkL1;
import io.quetzal.ethereum.local.LocalValidator;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.field.Fr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quetzal start --node --archiver --sequencer} on an L1 that behaves like a real chain: the
 * local network's contracts on anvil, then automine off and a block every 12 s at wall-clock time,
 * so a {@code propose} is included one L1 slot after it is sent (the timing the sequencer's
 * timetable is built for, unlike the local network's instant mining). The node, in a child JVM with
 * the committee's four keys from the environment as an operator gives them, proposes two
 * checkpoints; each is on L1 with the archive the node serves, and its slot's proposer is one of
 * ours. Then SIGTERM stops it. Takes up to three of the local network's 72 s slots.
 */
class SequencerOnL1Test {
  private static final String BANANA_FPC =
      "0x099602ed42e355e5338ade3a9e314b3d15b6030b058a0c17c385f4a0f2d2b71a";

  @TempDir Path tmp;

  @Test
  @Tag("anvil")
  void proposesCheckpointsThatLandOnL1() throws Exception {
    int anvilPort = freePort();
    int rpcPort = freePort();
    LocalNetworkL1.Options o =
        LocalNetworkL1.Options.defaults(Map.of(), Optional.empty(), line -> {})
            .withAnvilPort(anvilPort);
    try (LocalNetworkL1 l1 = LocalNetworkL1.start(o)) {
      L1RpcClient rpc = l1.rpc();
      // From here on L1 runs like a chain: one block every 12 s, starting now.
      rpc.call("evm_setAutomine", false);
      rpc.call("evm_setNextBlockTimestamp", System.currentTimeMillis() / 1000);
      rpc.call("evm_mine");
      rpc.call("evm_setIntervalMining", 12);

      String keys =
          l1.validators().stream()
              .map(LocalValidator::attesterKey)
              .map(k -> Hex.encode(k.revealBytes()))
              .collect(Collectors.joining(","));
      Path log = tmp.resolve("node.log");
      ProcessBuilder pb =
          NodeProbe.quetzal(
              log,
              "start",
              "--node",
              "--archiver",
              "--sequencer",
              "--port",
              Integer.toString(rpcPort));
      Map<String, String> env = pb.environment();
      env.keySet().removeIf(k -> k.startsWith("SEQ_") || k.equals("LOG_LEVEL"));
      env.put("ETHEREUM_HOSTS", l1.l1RpcUrl().toString());
      env.put(
          "REGISTRY_CONTRACT_ADDRESS", l1.deployment().addresses().registryAddress().toString());
      env.put("VALIDATOR_PRIVATE_KEYS", keys);
      env.put("DATA_DIRECTORY", tmp.resolve("data").toString());
      env.put("TEST_ACCOUNTS", "true");
      env.put("SPONSORED_FPC", "true");
      env.put("PREFUND_ADDRESSES", BANANA_FPC);
      // No txs exist yet: let the sequencer publish empty checkpoints, as the local network does.
      env.put("SEQ_BUILD_CHECKPOINT_IF_EMPTY", "true");
      Process child = pb.start();
      try {
        RollupContract rollup =
            new RollupContract(rpc, l1.deployment().addresses().rollupAddress());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(200);
        while (System.nanoTime() < until && rollup.getPendingCheckpointNumber() < 2) {
          assertThat(child.isAlive()).as(() -> read(log)).isTrue();
          Thread.sleep(1000);
        }
        assertThat(rollup.getPendingCheckpointNumber())
            .as(() -> read(log))
            .isGreaterThanOrEqualTo(2);
        assertThat(read(log)).contains("sequencer on with 4 validator key(s)");
        // What L1 holds is what the node built and serves.
        awaitCheckpoints(rpcPort, 2, log);
        JsonNode cps = call(rpcPort, "node_getCheckpoints", "[1, 2]");
        assertThat(cps.size()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
          Fr served =
              Fr.fromHexString(cps.get(i).path("checkpoint").path("archive").path("root").asText());
          assertThat(served).as("checkpoint " + (i + 1)).isEqualTo(rollup.archiveAt(i + 1));
        }
        // The node logs a proposal once it has seen the receipt (polled every second).
        long logged = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < logged && !read(log).contains("Proposed checkpoint 2")) {
          Thread.sleep(250);
        }
        String output = read(log);
        assertThat(output).contains("Proposed checkpoint 1").contains("Proposed checkpoint 2");
        // For the record (CI output): where each slot's time went.
        output.lines().filter(l -> l.contains("Proposed checkpoint")).forEach(System.out::println);

        // The sequencer's figures are on GET /metrics beside the archiver's.
        String metrics = get(rpcPort, "/metrics");
        assertThat(metrics)
            .contains("quetzal_archiver_checkpoint ")
            .containsPattern("(?m)^quetzal_sequencer_checkpoints_proposed_total [2-9]")
            .contains("# TYPE quetzal_sequencer_state gauge");

        child.destroy(); // SIGTERM
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as(() -> read(log)).isTrue();
        assertThat(read(log)).doesNotContain("Exception");
      } finally {
        if (child.isAlive()) {
          child.destroyForcibly();
          child.waitFor(10, TimeUnit.SECONDS);
        }
      }
    }
  }

  private static void awaitCheckpoints(int port, long n, Path log) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < until
        && tryCall(port, "node_getL2Tips", "[]")
                .map(t -> t.path("checkpointed").path("checkpoint").path("number").asLong())
                .orElse(0L)
            < n) {
      Thread.sleep(250);
    }
    assertThat(
            tryCall(port, "node_getL2Tips", "[]")
                .orElseThrow()
                .path("checkpointed")
                .path("checkpoint")
                .path("number")
                .asLong())
        .as(() -> read(log))
        .isGreaterThanOrEqualTo(n);
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
