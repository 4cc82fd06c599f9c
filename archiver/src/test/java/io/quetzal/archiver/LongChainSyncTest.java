package io.quetzal.archiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quetzal.archiver.store.ArchiverStore;
import io.quetzal.ethereum.archive.ArchiveL1Reader;
import io.quetzal.ethereum.archive.CalldataRetriever;
import io.quetzal.ethereum.blobs.BlobClient;
import io.quetzal.ethereum.blobs.BlobClientConfig;
import io.quetzal.ethereum.local.Anvil;
import io.quetzal.ethereum.local.L1Toolchain;
import io.quetzal.ethereum.local.L1ToolchainInstaller;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.kvstore.InMemoryKvStore;
import io.quetzal.kvstore.LmdbConfig;
import io.quetzal.kvstore.LmdbKvStore;
import io.quetzal.stdlib.Constants;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.genesis.FundedAccounts;
import io.quetzal.stdlib.genesis.GenesisValues;
import io.quetzal.stdlib.hash.StorageSlots;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.worldstate.LowLeaf;
import io.quetzal.worldstate.MerkleTreeReadOps;
import io.quetzal.worldstate.WorldState;
import io.quetzal.worldstate.WorldStateConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Syncs the whole saved chain of the official node ({@code ../shared/fixtures/long-chain-4.1.2}:
 * 531 checkpoints on anvil, blobs in a file store) from L1 and the blobs alone, with the world
 * state following, and checks the producing node's tips and a public storage value set by the demo.
 * Skipped when the fixture is not on this machine.
 */
@Tag("anvil")
class LongChainSyncTest {
  private static final Path FIXTURE =
      Path.of(System.getProperty("quetzal.shared", "../../shared"))
          .resolve("fixtures/long-chain-4.1.2");

  @TempDir Path tmp;

  @Test
  void syncsAll531CheckpointsWithTheProducersTipsAndState() throws Exception {
    assumeTrue(Files.isDirectory(FIXTURE), "no long-chain fixture at " + FIXTURE.toAbsolutePath());
    Map<String, String> env = networkEnv(FIXTURE.resolve("network.env"));
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
    EthAddress rollup = EthAddress.fromString(env.get("REF_L1_ROLLUP"));
    EthAddress inbox = EthAddress.fromString(env.get("REF_L1_INBOX"));
    long version = Long.parseLong(env.get("REF_ROLLUP_VERSION"));
    try (Anvil anvil =
            Anvil.start(
                toolchain,
                Anvil.Options.of(freePort(), tmp.resolve("anvil.log")).withLoadState(state));
        WorldState ws =
            WorldState.open(
                new InMemoryKvStore(),
                WorldStateConfig.defaults(),
                GenesisValues.compute(FundedAccounts.localNetworkFundedAddresses())
                    .prefilledPublicData())) {
      L1RpcClient rpc = anvil.rpc();
      ArchiveL1Reader l1 = new ArchiveL1Reader(rpc, rollup, inbox);
      BlobClient blobs =
          new BlobClient(
              BlobClientConfig.of(
                      List.of("file://" + FIXTURE.resolve("blobs").toAbsolutePath()),
                      List.of(),
                      31337,
                      version,
                      rollup)
                  .withVerifyCommitments(false),
              rpc);
      CheckpointRetriever retriever =
          new CheckpointRetriever(
              rpc,
              new CalldataRetriever(rpc, rollup, l1.getTargetCommitteeSize()),
              blobs,
              31337,
              version);
      LmdbKvStore kv = LmdbKvStore.open(tmp.resolve("archiver"), LmdbConfig.DEFAULT);
      StoreSync store = new StoreSync(new ArchiverStore(kv, Constants.GENESIS_BLOCK_HEADER_HASH));
      WorldStateFeed feed = new WorldStateFeed(ws, store);
      try (L1Synchronizer sync =
          new L1Synchronizer(
              store,
              rpc,
              l1,
              retriever,
              slot -> List.of(),
              Optional.of(feed),
              L1Synchronizer.Options.defaults(),
              SyncProgress.silent())) {
        long t0 = System.nanoTime();
        for (int i = 0; i < 20 && store.latestCheckpointNumber() < 531; i++) {
          sync.syncOnce();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
            "[long-chain] 531 checkpoints synced in %.2f s (%.1f checkpoints/s)%n",
            seconds, 531 / seconds);
      }
      assertThat(store.latestCheckpointNumber()).isEqualTo(531);
      assertThat(store.latestBlockNumber()).isEqualTo(531);
      assertThat(store.block(531).hash())
          .isEqualTo(
              Fr.fromHexString(
                  "0x21f95d4d9f516c461ec259e8e4fc2d8d6c89b29e943d3878629092c35f5e72bb"));
      assertThat(store.checkpointArchive(531)).isPresent();
      assertThat(store.provenCheckpointNumber()).isEqualTo(529);
      assertThat(store.messageCount()).isEqualTo(2);
      assertThat(ws.status().unfinalizedBlockNumber()).isEqualTo(531);
      assertThat(store.store().tips().checkpointed().block().hash())
          .isEqualTo(store.block(531).hash());
      kv.close();
      // The second demo token's total_supply (public storage slot 4) is 433 at the tip.
      MerkleTreeReadOps tip = ws.committed();
      Fr leafSlot =
          StorageSlots.publicDataTreeLeafSlot(
              AztecAddress.fromString(
                  "0x23443fa92a5fe21a2d1929f5c7190d6ab7f1732d341bf5633017a8c3fef5285b"),
              Fr.ofLong(4));
      LowLeaf low = tip.lowLeaf(MerkleTreeId.PUBLIC_DATA_TREE, leafSlot);
      assertThat(low.alreadyPresent()).isTrue();
      assertThat(tip.publicDataPreimage(low.index()).orElseThrow().value())
          .isEqualTo(Fr.ofLong(0x1b1));
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

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
