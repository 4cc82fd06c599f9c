package io.quetzal.cli;

import static io.quetzal.cli.NodeProbe.call;
import static io.quetzal.cli.NodeProbe.freePort;
import static io.quetzal.cli.NodeProbe.portFree;
import static io.quetzal.cli.NodeProbe.tryCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quetzal start} with this build's launcher: {@code --local-network} runs (in a child JVM,
 * as {@code ./quetzal} would, stopped with SIGTERM), other roles still exit 3.
 */
class LocalNetworkStartTest {
  @TempDir Path tmp;

  @Test
  void aFollowerWithoutReachableL1SaysSoInOneLine() throws Exception {
    int closed = freePort();
    Map<String, String> env = new java.util.HashMap<>(CliHarness.NODE_ENV);
    env.put("ETHEREUM_HOSTS", "http://127.0.0.1:" + closed);
    env.put("DATA_DIRECTORY", tmp.resolve("data").toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        QuetzalCli.run(
            new String[] {"start", "--node", "--archiver"},
            env,
            Path.of("/nonexistent-home"),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertThat(code).isEqualTo(ExitCodes.INTERNAL_ERROR);
    assertThat(err.toString())
        .contains("127.0.0.1:" + closed)
        .contains("L1 chain id")
        .doesNotContain("\tat ");
    assertThat(err.toString().strip().lines()).hasSize(1);
  }

  @Test
  @Tag("anvil")
  void theLocalNetworkAnswersThenStopsCleanlyOnSigterm() throws Exception {
    int rpcPort = freePort();
    int anvilPort = freePort();
    Path log = tmp.resolve("child.log");
    ProcessBuilder pb =
        NodeProbe.quetzal(log, "start", "--local-network", "--port", Integer.toString(rpcPort));
    Map<String, String> env = pb.environment();
    env.keySet()
        .removeIf(
            k ->
                k.equals("DATA_DIRECTORY")
                    || k.equals("AZTEC_PORT")
                    || k.equals("LOG_LEVEL")
                    || k.equals("ETHEREUM_HOSTS"));
    env.put("ANVIL_PORT", Integer.toString(anvilPort));
    Process child = pb.start();
    List<ProcessHandle> descendants = new ArrayList<>();
    try {
      JsonNode tips = awaitTips(child, rpcPort, log, Duration.ofSeconds(180));
      assertThat(tips.path("proven").path("number").isNumber()).isTrue();
      // The node sequences its own chain with its committee of four, the archiver follows L1,
      // and ended epochs are settled: blocks and the proven tip advance (bounded wait, not a
      // timing assertion).
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      long blocks = 0;
      long proven = 0;
      while (System.nanoTime() < until && (blocks < 4 || proven < 1)) {
        blocks = call(rpcPort, "node_getBlockNumber").asLong();
        proven =
            call(rpcPort, "node_getL2Tips").path("proven").path("block").path("number").asLong();
        Thread.sleep(250);
      }
      assertThat(blocks).as(Files.readString(log)).isGreaterThanOrEqualTo(4);
      assertThat(proven).as(Files.readString(log)).isGreaterThanOrEqualTo(1);
      JsonNode block = call(rpcPort, "node_getBlockHeader", "[1]");
      assertThat(block.path("globalVariables").path("blockNumber").asLong()).isEqualTo(1);
      child.descendants().forEach(descendants::add);
      assertThat(descendants).as("anvil runs under the node").isNotEmpty();
      assertThat(portFree(anvilPort)).isFalse();

      child.destroy(); // SIGTERM
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
    } finally {
      if (child.isAlive()) {
        child.destroyForcibly();
        child.waitFor(10, TimeUnit.SECONDS);
      }
      child.descendants().forEach(ProcessHandle::destroyForcibly);
    }
    String output = Files.readString(log);
    assertThat(output).contains("local network ready").contains("stopping anvil");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline
        && (descendants.stream().anyMatch(ProcessHandle::isAlive) || !portFree(anvilPort))) {
      Thread.sleep(100);
    }
    assertThat(descendants.stream().filter(ProcessHandle::isAlive).toList()).isEmpty();
    assertThat(portFree(anvilPort)).as("anvil's port is free").isTrue();
    assertThat(portFree(rpcPort)).as("the RPC port is free").isTrue();
  }

  @Test
  @Tag("anvil")
  void anL1ReorgIsFollowedAndTheChainMatchesL1Again() throws Exception {
    int rpcPort = freePort();
    int anvilPort = freePort();
    Path log = tmp.resolve("reorg.log");
    ProcessBuilder pb =
        NodeProbe.quetzal(log, "start", "--local-network", "--port", Integer.toString(rpcPort));
    pb.environment()
        .keySet()
        .removeIf(
            k -> k.equals("DATA_DIRECTORY") || k.equals("AZTEC_PORT") || k.equals("LOG_LEVEL"));
    pb.environment().put("ANVIL_PORT", Integer.toString(anvilPort));
    Process child = pb.start();
    io.quetzal.ethereum.rpc.L1RpcClient l1 =
        new io.quetzal.ethereum.rpc.L1RpcClient(
            io.quetzal.ethereum.rpc.L1RpcConfig.of(
                List.of(URI.create("http://127.0.0.1:" + anvilPort))));
    try {
      awaitTips(child, rpcPort, log, Duration.ofSeconds(180));
      awaitBlocks(rpcPort, 6, log);
      io.quetzal.ethereum.contracts.RollupContract rollup =
          new io.quetzal.ethereum.contracts.RollupContract(
              l1,
              io.quetzal.foundation.types.EthAddress.fromString(
                  call(rpcPort, "node_getL1ContractAddresses").path("rollupAddress").asText()));
      long before = rollup.getPendingCheckpointNumber();
      // Drop the last L1 blocks: the checkpoints proposed in them are gone from L1.
      l1.call("anvil_rollback", 6);
      long after = rollup.getPendingCheckpointNumber();
      assertThat(after).as("the rollback removed checkpoints").isLessThan(before);
      // The node unwinds, its sequencer proposes new checkpoints for those numbers, and every
      // checkpoint it serves is the one L1 holds (bounded wait). The rollback also undoes the
      // epoch settler's proofs, so L1 prunes the unproven checkpoints once their proof window has
      // closed, and the node unwinds those too before building on: slots that go by without a
      // checkpoint pass at wall-clock pace (72 s), hence the long bound.
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(400);
      boolean consistent = false;
      while (System.nanoTime() < until && !consistent) {
        Thread.sleep(500);
        long n = call(rpcPort, "node_getCheckpointNumber").asLong();
        if (n <= before) {
          continue; // not past the old tip yet
        }
        JsonNode cps = call(rpcPort, "node_getCheckpoints", "[1," + Math.min(n, 50) + "]");
        consistent = true;
        for (JsonNode c : cps) {
          long number = c.path("checkpoint").path("number").asLong();
          String archive = c.path("checkpoint").path("archive").path("root").asText();
          if (number > rollup.getPendingCheckpointNumber()
              || !rollup.archiveAt(number).toString().equals(archive)) {
            consistent = false;
            break;
          }
        }
      }
      assertThat(consistent).as(Files.readString(log)).isTrue();
      assertThat(Files.readString(log)).contains("L1 reorg or prune");
    } finally {
      l1.close();
      child.destroy();
      if (!child.waitFor(60, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
      child.descendants().forEach(ProcessHandle::destroyForcibly);
    }
  }

  private static void awaitBlocks(int port, long blocks, Path log) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < until && call(port, "node_getBlockNumber").asLong() < blocks) {
      Thread.sleep(250);
    }
    assertThat(call(port, "node_getBlockNumber").asLong())
        .as(Files.readString(log))
        .isGreaterThanOrEqualTo(blocks);
  }

  private static JsonNode awaitTips(Process child, int port, Path log, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) {
        throw new AssertionError("the node exited early:\n" + Files.readString(log));
      }
      Optional<JsonNode> tips = tryCall(port, "node_getL2Tips");
      if (tips.isPresent()) {
        return tips.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no answer within " + timeout + ":\n" + Files.readString(log));
  }
}
