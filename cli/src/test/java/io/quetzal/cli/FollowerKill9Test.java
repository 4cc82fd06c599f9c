package io.quetzal.cli;

import static io.quetzal.cli.NodeProbe.freePort;
import static io.quetzal.cli.NodeProbe.get;
import static io.quetzal.cli.NodeProbe.tryCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quetzal.archiver.store.ArchiverStore;
import io.quetzal.ethereum.local.Anvil;
import io.quetzal.ethereum.local.L1Toolchain;
import io.quetzal.ethereum.local.L1ToolchainInstaller;
import io.quetzal.foundation.field.Fr;
import io.quetzal.kvstore.LmdbConfig;
import io.quetzal.kvstore.LmdbKvStore;
import io.quetzal.stdlib.Constants;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.block.L2Block;
import io.quetzal.stdlib.block.StateReference;
import io.quetzal.stdlib.genesis.FundedAccounts;
import io.quetzal.stdlib.genesis.GenesisValues;
import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.stdlib.trees.PublicDataTreeLeaf;
import io.quetzal.worldstate.MerkleTreeReadOps;
import io.quetzal.worldstate.TreeInfo;
import io.quetzal.worldstate.WorldState;
import io.quetzal.worldstate.WorldStateConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A syncing follower survives {@code kill -9}. The saved chain of the official node ({@code
 * ../shared/fixtures/long-chain-4.1.2}, 531 checkpoints) is served by anvil and synced by {@code
 * quetzal start --node --archiver} in a child JVM, which is SIGKILLed during the sync: right after
 * the archiver stored its first checkpoints, at a random instant past a random mid-chain
 * checkpoint, and while the world state is still applying a stored batch; then once more after a
 * restart with an empty blob store, which can fetch nothing new; the last restart syncs to the tip.
 * It proves that:
 *
 * <ul>
 *   <li>every kill leaves both LMDB stores readable, at a commit boundary, with the world state
 *       never ahead of the archiver and its block hash and roots (the four state trees and the
 *       archive) equal to those of the archived block of its number; at least one kill falls
 *       between the archiver's write and the world state's;
 *   <li>no stored checkpoint is lost, and each restart resumes from the stores: its first answers
 *       ({@code node_getBlockNumber}, {@code node_getL2Tips}) report at least the tip the killed
 *       node had served and stored, never a re-sync from zero;
 *   <li>a restart re-applies the blocks the world state lacks from the archiver's store before it
 *       reads L1, even when no new checkpoint can be fetched, and while a node runs its world state
 *       is never ahead of its archiver;
 *   <li>the last run reaches the producing node's tips (proposed, checkpointed, proven), the world
 *       state is at the archiver's latest block with equal roots, and the second demo token's
 *       public {@code total_supply} is 433;
 *   <li>no run logs an error or a stack trace.
 * </ul>
 *
 * <p>The kill points are drawn from a seed printed at the start ({@code -Dquetzal.kill9.seed=N}
 * repeats a run). Skipped when the fixture is not on this machine.
 */
@Tag("anvil")
class FollowerKill9Test {
  private static final Path FIXTURE =
      Path.of(System.getProperty("quetzal.shared", "../../shared"))
          .resolve("fixtures/long-chain-4.1.2");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long TIP = 531;
  private static final AztecAddress DEMO_TOKEN =
      AztecAddress.fromString("0x23443fa92a5fe21a2d1929f5c7190d6ab7f1732d341bf5633017a8c3fef5285b");
  private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(60);

  /** The exit status of a process ended by SIGKILL (128 + 9). */
  private static final int SIGKILLED = 137;

  @TempDir Path tmp;

  private final long t0 = System.nanoTime();
  private Process node;

  /** Where a kill falls: the first poll past {@code minBlock} that meets the condition. */
  private record KillPoint(String name, long minBlock, long delayMillis, boolean midApply) {}

  /** What the node's RPC said: world state first, then the archiver (never ahead of it). */
  private record Sample(long worldState, long archiver) {}

  /** Both stores as a killed or stopped node left them. */
  private record OnDisk(long checkpoint, long archiverBlock, long worldStateBlock) {}

  @AfterEach
  void stopNode() throws InterruptedException {
    if (node != null && node.isAlive()) {
      node.destroyForcibly();
      node.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aFollowerKilledWithSigkillWhileSyncingResumesFromItsStoresAndReachesTheTip()
      throws Exception {
    assumeTrue(Files.isDirectory(FIXTURE), "no long-chain fixture at " + FIXTURE.toAbsolutePath());
    long seed = Long.getLong("quetzal.kill9.seed", System.nanoTime());
    note("seed " + seed + " (-Dquetzal.kill9.seed=" + seed + " repeats it)");
    Random random = new Random(seed);
    List<KillPoint> kills =
        List.of(
            new KillPoint("early", 1, 0, false),
            new KillPoint("mid-chain", 150 + random.nextInt(150), random.nextInt(250), false),
            new KillPoint("mid-apply", 300 + random.nextInt(150), 0, true));

    Map<String, String> network = networkEnv(FIXTURE.resolve("network.env"));
    Path state = tmp.resolve("anvil-state.json");
    try (InputStream in =
            new GZIPInputStream(Files.newInputStream(FIXTURE.resolve("anvil-state.json.gz")));
        OutputStream out = Files.newOutputStream(state)) {
      in.transferTo(out);
    }
    L1Toolchain toolchain =
        new L1ToolchainInstaller(
                L1ToolchainInstaller.Options.defaults(line -> {})
                    .withCacheRoot(L1ToolchainInstaller.defaultCacheRoot(System.getenv())))
            .ensureInstalled();
    List<PublicDataTreeLeaf> prefill =
        GenesisValues.compute(
                FundedAccounts.fundedAddresses(
                    true,
                    true,
                    List.of(AztecAddress.fromString(network.get("REF_BANANA_FPC_ADDRESS")))))
            .prefilledPublicData();
    Path data = tmp.resolve("data");
    int rpcPort = freePort();
    try (Anvil anvil =
        Anvil.start(
            toolchain,
            Anvil.Options.of(freePort(), tmp.resolve("anvil.log")).withLoadState(state))) {
      note("anvil serves the chain");
      Map<String, String> env = nodeEnv(network, anvil.url(), data, rpcPort);
      OnDisk before = new OnDisk(0, 0, 0);
      long served = 0;
      boolean killedBetweenTheStores = false;
      for (KillPoint kill : kills) {
        Path log = tmp.resolve("node-" + kill.name() + ".log");
        node = startNode(env, log);
        checkResumed(awaitFirstSample(rpcPort, log), before, served, log);
        long minBlock = Math.max(kill.minBlock(), before.archiverBlock() + 1);
        served = runUntilKill(rpcPort, log, kill, minBlock);
        checkReapplied(before, log);
        OnDisk after = inspect(data, prefill);
        note(
            "%s kill (past block %d): served block %d; on disk archiver %d, world state %d"
                .formatted(
                    kill.name(), minBlock, served, after.archiverBlock(), after.worldStateBlock()));
        assertThat(after.archiverBlock())
            .as("the archiver's stored tip after the %s kill", kill.name())
            .isGreaterThanOrEqualTo(served)
            .isGreaterThanOrEqualTo(before.archiverBlock());
        assertThat(after.worldStateBlock()).isGreaterThanOrEqualTo(before.worldStateBlock());
        killedBetweenTheStores |= after.worldStateBlock() < after.archiverBlock();
        assertNoErrors(log);
        before = after;
      }
      assertThat(killedBetweenTheStores)
          .as("some kill left the world state behind the archiver (between the two writes)")
          .isTrue();

      // A restart that can fetch nothing new (an empty blob store): the world state still catches
      // up with the archiver's store, and nothing else moves. Killed again once it has.
      Path noBlobs = Files.createDirectories(tmp.resolve("no-blobs"));
      Map<String, String> blobless = new HashMap<>(env);
      blobless.put("BLOB_FILE_STORE_URLS", noBlobs.toUri().toString());
      Path log = tmp.resolve("node-no-blobs.log");
      node = startNode(blobless, log);
      checkResumed(awaitFirstSample(rpcPort, log), before, served, log);
      awaitWorldStateAt(rpcPort, log, before);
      served = kill(rpcPort);
      checkReapplied(before, log);
      OnDisk after = inspect(data, prefill);
      assertThat(after)
          .isEqualTo(
              new OnDisk(before.checkpoint(), before.archiverBlock(), before.archiverBlock()));
      assertNoErrors(log);
      note("restart without blobs re-applied the world state to block " + after.worldStateBlock());
      before = after;

      log = tmp.resolve("node-final.log");
      node = startNode(env, log);
      checkResumed(awaitFirstSample(rpcPort, log), before, served, log);
      note("final run answers");
      awaitTip(rpcPort, log);
      checkTipOverRpc(rpcPort, log);
      node.destroy(); // SIGTERM: a clean stop, so the stores can be read here
      assertThat(node.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
      assertThat(Files.readString(log)).contains("stopping the node");
      assertNoErrors(log);
      OnDisk end = inspect(data, prefill);
      assertThat(end).isEqualTo(new OnDisk(TIP, TIP, TIP));
      note("the last run reached the tip; both stores at block " + TIP + " with equal roots");
      try (LmdbKvStore kv = LmdbKvStore.open(data.resolve("archiver"), LmdbConfig.DEFAULT)) {
        ArchiverStore store = new ArchiverStore(kv, Constants.GENESIS_BLOCK_HEADER_HASH);
        assertThat(store.block(TIP).hash().toString())
            .isEqualTo(expectedTips().path("proposed").path("hash").asText());
        assertThat(store.provenCheckpointNumber()).isEqualTo(529);
      }
    }
  }

  private void note(String line) {
    System.out.printf("[kill9 %5.1f s] %s%n", (System.nanoTime() - t0) / 1e9, line);
  }

  // -----------------------------------------------------------------------------------------------
  // The node process

  private static Map<String, String> nodeEnv(
      Map<String, String> network, URI l1, Path data, int rpcPort) {
    Map<String, String> env = new HashMap<>();
    env.put("ETHEREUM_HOSTS", l1.toString());
    env.put("L1_CHAIN_ID", network.get("REF_L1_CHAIN_ID"));
    env.put("REGISTRY_CONTRACT_ADDRESS", network.get("REF_L1_REGISTRY"));
    env.put("BLOB_FILE_STORE_URLS", FIXTURE.resolve("blobs").toAbsolutePath().toUri().toString());
    env.put("TEST_ACCOUNTS", "true");
    env.put("SPONSORED_FPC", "true");
    env.put("PREFUND_ADDRESSES", network.get("REF_BANANA_FPC_ADDRESS"));
    env.put("P2P_ENABLED", "false");
    env.put("AZTEC_PORT", Integer.toString(rpcPort));
    env.put("DATA_DIRECTORY", data.toString());
    env.put("LOG_LEVEL", "info");
    return env;
  }

  /**
   * The node's own JVM (no wrapper shell), so that {@link Process#destroyForcibly()} SIGKILLs the
   * process that holds the stores. Only what the node needs of this environment is passed on.
   */
  private static Process startNode(Map<String, String> nodeEnv, Path log) throws IOException {
    ProcessBuilder pb = NodeProbe.quetzal(log, "start", "--node", "--archiver");
    Map<String, String> env = pb.environment();
    env.clear();
    for (String keep :
        List.of("PATH", "HOME", "TMPDIR", "QUETZAL_CACHE", "QUETZAL_NATIVE_CACHE", "LANG")) {
      Optional.ofNullable(System.getenv(keep)).ifPresent(v -> env.put(keep, v));
    }
    env.putAll(nodeEnv);
    return pb.start();
  }

  /**
   * The first answers of a (re)started node, its stores as it opened them: the world state, then
   * the lower of the archiver's block number and its proposed tip ({@code node_getL2Tips}).
   */
  private Sample awaitFirstSample(int port, Path log) throws Exception {
    long deadline = System.nanoTime() + ROUND_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      assertAlive(log);
      Optional<Sample> s = sample(port);
      Optional<JsonNode> tips = tryCall(port, "node_getL2Tips", "[]");
      if (s.isPresent() && tips.isPresent()) {
        long proposed = tips.get().path("proposed").path("number").asLong();
        return new Sample(s.get().worldState(), Math.min(s.get().archiver(), proposed));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the node did not answer within " + ROUND_TIMEOUT + log(log));
  }

  /**
   * A restarted node starts from its stores: at least what the killed node served and stored, and
   * without a block less in the world state.
   */
  private static void checkResumed(Sample first, OnDisk before, long served, Path log) {
    assertThat(first.archiver())
        .as(() -> "the restarted archiver's tip (not a re-sync from zero)" + log(log))
        .isGreaterThanOrEqualTo(before.archiverBlock())
        .isGreaterThanOrEqualTo(served);
    assertThat(first.worldState())
        .as(() -> "the restarted world state" + log(log))
        .isGreaterThanOrEqualTo(before.worldStateBlock())
        .isLessThanOrEqualTo(first.archiver());
  }

  /**
   * Samples the node until {@code kill} falls, checking that the world state is never ahead of the
   * archiver, then SIGKILLs it. Returns the last archiver block the node served.
   */
  private long runUntilKill(int port, Path log, KillPoint kill, long minBlock) throws Exception {
    long deadline = System.nanoTime() + ROUND_TIMEOUT.toNanos();
    long served = 0;
    long killAt = Long.MAX_VALUE;
    while (true) {
      assertThat(System.nanoTime())
          .as("no kill point within " + ROUND_TIMEOUT)
          .isLessThan(deadline);
      assertAlive(log);
      Optional<Sample> s = sample(port);
      if (s.isPresent()) {
        Sample now = s.get();
        assertThat(now.worldState())
            .as(() -> "the world state is never ahead of the archiver" + log(log))
            .isLessThanOrEqualTo(now.archiver());
        served = Math.max(served, now.archiver());
        boolean synced = now.worldState() >= TIP;
        if (killAt == Long.MAX_VALUE
            && (synced
                || now.archiver() >= minBlock
                    && (!kill.midApply() || now.worldState() < now.archiver()))) {
          killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(kill.delayMillis());
          if (synced) {
            note(kill.name() + ": synced before the kill point");
          }
        }
      }
      if (System.nanoTime() >= killAt) {
        return Math.max(served, kill(port));
      }
      Thread.sleep(2);
    }
  }

  /** SIGKILLs the node's JVM; returns the archiver block it served last. */
  private long kill(int port) throws InterruptedException {
    long served = sample(port).map(Sample::archiver).orElse(0L);
    assertThat(node.toHandle().info().command().orElse("")).endsWith("java");
    node.destroyForcibly();
    assertThat(node.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(node.exitValue()).as("killed by SIGKILL").isEqualTo(SIGKILLED);
    return served;
  }

  /**
   * When the last kill left the world state behind the archiver, the restarted node re-applied the
   * stored blocks before it read anything from L1.
   */
  private static void checkReapplied(OnDisk before, Path log) throws IOException {
    if (before.worldStateBlock() < before.archiverBlock()) {
      assertThat(Files.readString(log))
          .as(() -> "the restart re-applied the stored blocks to the world state first" + log(log))
          .contains(
              "World state re-applied "
                  + (before.archiverBlock() - before.worldStateBlock())
                  + " stored blocks, now at block "
                  + before.archiverBlock());
    }
  }

  /**
   * Waits until the world state has re-applied the blocks the archiver had stored {@code before},
   * while the archiver stays there.
   */
  private void awaitWorldStateAt(int port, Path log, OnDisk before) throws Exception {
    long block = before.archiverBlock();
    boolean reapplies = before.worldStateBlock() < block;
    long deadline = System.nanoTime() + ROUND_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      assertAlive(log);
      Optional<Sample> s = sample(port);
      if (s.isPresent()) {
        assertThat(s.get().archiver())
            .as(() -> "nothing new without blobs" + log(log))
            .isEqualTo(block);
        assertThat(s.get().worldState()).isLessThanOrEqualTo(block);
        if (s.get().worldState() == block
            && (!reapplies || Files.readString(log).contains("World state re-applied"))) {
          return;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "the world state did not re-apply the stored blocks up to " + block + log(log));
  }

  private void awaitTip(int port, Path log) throws Exception {
    long deadline = System.nanoTime() + ROUND_TIMEOUT.toNanos();
    JsonNode expected = expectedTips();
    while (System.nanoTime() < deadline) {
      assertAlive(log);
      Optional<Sample> s = sample(port);
      s.ifPresent(
          now ->
              assertThat(now.worldState()).isLessThanOrEqualTo(now.archiver()).isLessThan(TIP + 1));
      Optional<JsonNode> tips = tryCall(port, "node_getL2Tips", "[]");
      if (s.isPresent()
          && s.get().worldState() == TIP
          && tips.isPresent()
          && tips.get()
              .path("proven")
              .path("block")
              .equals(expected.path("proven").path("block"))) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the node did not reach the tip within " + ROUND_TIMEOUT + log(log));
  }

  /** The producing node's tips (but finalized: 0 on a follower of the loaded state), the state. */
  private void checkTipOverRpc(int port, Path log) throws Exception {
    JsonNode expected = expectedTips();
    JsonNode tips = tryCall(port, "node_getL2Tips", "[]").orElseThrow();
    assertThat(tips.path("proposed")).isEqualTo(expected.path("proposed"));
    for (String tip : List.of("checkpointed", "proven")) {
      for (String part : List.of("block", "checkpoint")) {
        assertThat(tips.path(tip).path(part))
            .as(tip + " " + part)
            .isEqualTo(expected.path(tip).path(part));
      }
    }
    JsonNode ws = tryCall(port, "node_getWorldStateSyncStatus", "[]").orElseThrow();
    assertThat(ws.path("latestBlockNumber").asLong()).isEqualTo(TIP);
    assertThat(ws.path("latestBlockHash").asText())
        .isEqualTo(expected.path("proposed").path("hash").asText());
    String totalSupply =
        tryCall(
                port,
                "node_getPublicStorageAt",
                "[\"latest\",\"" + DEMO_TOKEN + "\",\"" + Fr.ofLong(4) + "\"]")
            .orElseThrow()
            .asText();
    assertThat(totalSupply).isEqualTo(Fr.ofLong(0x1b1).toString());
    String metrics = get(port, "/metrics");
    assertThat(metrics).contains("quetzal_archiver_checkpoint " + TIP + "\n");
  }

  private void assertAlive(Path log) {
    if (!node.isAlive()) {
      throw new AssertionError("the node exited (status " + node.exitValue() + ")" + log(log));
    }
  }

  private static void assertNoErrors(Path log) throws IOException {
    String text = Files.readString(log);
    assertThat(text).as(() -> log(log)).doesNotContain(" ERROR ").doesNotContain("\tat ");
    assertThat(text).as(() -> log(log)).doesNotContainPattern("(?m)^\\S*Exception");
  }

  /** The node's output, for a failure's message. */
  private static String log(Path log) {
    try {
      return "\n--- " + log.getFileName() + " ---\n" + Files.readString(log);
    } catch (IOException e) {
      return "\n(" + log + " unreadable: " + e.getMessage() + ")";
    }
  }

  // -----------------------------------------------------------------------------------------------
  // The stores, read here after a kill or a stop

  /**
   * Opens both stores as the node left them and checks that they agree: the world state is not
   * ahead of the archiver, and at its latest block its block hash and the roots and sizes of all
   * five trees are those of the archived block of that number.
   */
  private static OnDisk inspect(Path data, List<PublicDataTreeLeaf> prefill) {
    try (LmdbKvStore kv = LmdbKvStore.open(data.resolve("archiver"), LmdbConfig.DEFAULT);
        WorldState ws =
            WorldState.open(
                data.resolve("world-state"),
                LmdbConfig.DEFAULT,
                WorldStateConfig.defaults(),
                prefill)) {
      ArchiverStore store = new ArchiverStore(kv, Constants.GENESIS_BLOCK_HEADER_HASH);
      long archived = store.latestBlockNumber();
      long applied = ws.status().unfinalizedBlockNumber();
      assertThat(applied).as("world state vs archiver on disk").isLessThanOrEqualTo(archived);
      if (applied > 0) {
        L2Block block = store.block(applied);
        MerkleTreeReadOps at = ws.at(applied);
        StateReference s = block.header().state();
        assertThat(at.leafValue(MerkleTreeId.ARCHIVE, applied)).isEqualTo(block.hash());
        assertTree(at, MerkleTreeId.ARCHIVE, block.archive());
        assertTree(at, MerkleTreeId.L1_TO_L2_MESSAGE_TREE, s.l1ToL2MessageTree());
        assertTree(at, MerkleTreeId.NOTE_HASH_TREE, s.partial().noteHashTree());
        assertTree(at, MerkleTreeId.NULLIFIER_TREE, s.partial().nullifierTree());
        assertTree(at, MerkleTreeId.PUBLIC_DATA_TREE, s.partial().publicDataTree());
      }
      return new OnDisk(store.latestCheckpointNumber(), archived, applied);
    }
  }

  private static void assertTree(
      MerkleTreeReadOps at, MerkleTreeId id, AppendOnlyTreeSnapshot expected) {
    TreeInfo info = at.treeInfo(id);
    assertThat(new AppendOnlyTreeSnapshot(info.root(), info.size()))
        .as(id.name())
        .isEqualTo(expected);
  }

  // -----------------------------------------------------------------------------------------------
  // RPC

  /**
   * The world state's latest block, then the archiver's (so the first can never pass the second).
   */
  private Optional<Sample> sample(int port) throws InterruptedException {
    Optional<JsonNode> ws = tryCall(port, "node_getWorldStateSyncStatus", "[]");
    Optional<JsonNode> archiver = tryCall(port, "node_getBlockNumber", "[]");
    if (ws.isEmpty() || archiver.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Sample(ws.get().path("latestBlockNumber").asLong(), archiver.get().asLong()));
  }

  // -----------------------------------------------------------------------------------------------
  // Fixture

  private static JsonNode expectedTips() {
    try {
      return MAPPER.readTree(FIXTURE.resolve("l2-tips.json").toFile()).path("result");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> networkEnv(Path file) throws IOException {
    Map<String, String> out = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.startsWith("#")) {
        out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    return out;
  }
}
