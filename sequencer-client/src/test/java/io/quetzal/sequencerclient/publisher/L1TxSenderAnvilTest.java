package io.quetzal.sequencerclient.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.ethereum.local.Anvil;
import io.quetzal.ethereum.local.AnvilCheatCodes;
import io.quetzal.ethereum.local.ChildProcesses;
import io.quetzal.ethereum.local.L1Toolchain;
import io.quetzal.ethereum.local.L1ToolchainInstaller;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import io.quetzal.stdlib.blob.Blob;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sender on a real anvil (from the self-installed L1 toolchain): blob transactions to
 * Multicall3, a stuck transaction sped up under manual mining, deadlines. Time is a manual clock
 * moved by the sender's own sleeps, so nothing waits for real.
 */
@Tag("anvil")
class L1TxSenderAnvilTest {
  @TempDir static Path tmp;
  private static Anvil anvil;
  private static L1RpcClient rpc;
  private static AnvilCheatCodes cheats;
  private static final Secp256k1PrivateKey KEY = Secp256k1PrivateKey.fromHex(Fixtures.ANVIL_KEY_0);

  @BeforeAll
  static void start() throws Exception {
    String cache = System.getenv("QUETZAL_CACHE");
    L1ToolchainInstaller installer =
        new L1ToolchainInstaller(
            L1ToolchainInstaller.Options.defaults(line -> System.out.println("[l1] " + line))
                .withCacheRoot(
                    L1ToolchainInstaller.defaultCacheRoot(
                        cache == null ? Map.of() : Map.of("QUETZAL_CACHE", cache))));
    L1Toolchain toolchain = installer.ensureInstalled();
    anvil = Anvil.start(toolchain, Anvil.Options.of(freePort(), tmp.resolve("anvil.log")));
    rpc = anvil.rpc();
    cheats = new AnvilCheatCodes(rpc);
    deployMulticall3();
  }

  @AfterAll
  static void stop() {
    if (anvil != null) {
      anvil.close();
    }
    assertThat(ChildProcesses.live()).isEmpty();
  }

  @AfterEach
  void automineBackOn() {
    cheats.setAutomine(true);
  }

  /** Multicall3 through its keyless pre-signed deployment (the ethereum module's resource). */
  private static void deployMulticall3() throws Exception {
    String raw;
    try (InputStream in =
        Anvil.class.getResourceAsStream(
            "/io/quetzal/ethereum/local/multicall3-deployment-tx.hex")) {
      raw = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
    }
    ManualClock clock = new ManualClock();
    L1TxSender funder = sender(clock, L1TxConfig.defaults(), L1TxSender.Listener.NONE);
    L1TxSender.Mined fund =
        funder.sendAndMonitor(
            new L1TxSender.TxRequest(
                EthAddress.fromString("0x05f32b3cc3888453ff71b01135b34ff8e41263f2"),
                new byte[0],
                BigInteger.TEN.pow(17)),
            L1TxSender.TxOptions.none(),
            Optional.empty());
    assertThat(fund.succeeded()).isTrue();
    rpc.sendRawTransaction(raw.startsWith("0x") ? raw : "0x" + raw);
    assertThat(rpc.getCode(Multicall3.ADDRESS)).isNotEqualTo("0x");
  }

  private static L1TxSender sender(
      ManualClock clock, L1TxConfig config, L1TxSender.Listener listener) {
    return new L1TxSender(rpc, Anvil.CHAIN_ID, KEY, config, clock, clock, listener);
  }

  private static Blob blob(int seed) {
    byte[] data = new byte[Blob.BYTES_PER_BLOB];
    for (int i = 0; i < 4096; i += 7) {
      data[32 * i + 31] = (byte) (seed + i);
    }
    return BlobSidecar.blobOf(data);
  }

  private static L1TxSender.TxRequest emptyAggregate3() {
    return L1TxSender.TxRequest.call(Multicall3.ADDRESS, Multicall3.encodeAggregate3(List.of()));
  }

  @Test
  void blobTransactionToMulticall3IsMinedAndItsBlobsAreServed() throws Exception {
    ManualClock clock = new ManualClock();
    List<L1Transaction.Signed> sent = Collections.synchronizedList(new ArrayList<>());
    L1TxSender s = sender(clock, L1TxConfig.defaults(), (k, t, x) -> sent.add(x));
    List<Blob> blobs = List.of(blob(1), blob(2));
    BlobSidecar sidecar = BlobSidecar.of(blobs);

    long estimate = s.estimateGas(emptyAggregate3(), Optional.of(sidecar));
    L1TxSender.Mined m =
        s.sendAndMonitor(emptyAggregate3(), L1TxSender.TxOptions.none(), Optional.of(sidecar));

    assertThat(m.succeeded()).isTrue();
    assertThat(m.versions()).hasSize(1);
    assertThat(m.txHash()).isEqualTo(sent.getFirst().hashHex());
    assertThat(m.receipt().path("type").asText()).isEqualTo("0x3");
    assertThat(L1RpcClient.quantityLong(m.receipt().get("blobGasUsed")))
        .isEqualTo(2 * BlobSidecar.GAS_PER_BLOB);
    assertThat(L1RpcClient.quantityLong(m.receipt().get("gasUsed"))).isLessThanOrEqualTo(estimate);

    JsonNode tx = rpc.call("eth_getTransactionByHash", m.txHash());
    assertThat(tx.path("type").asText()).isEqualTo("0x3");
    assertThat(EthAddress.fromString(tx.path("to").asText())).isEqualTo(Multicall3.ADDRESS);
    assertThat(EthAddress.fromString(tx.path("from").asText())).isEqualTo(KEY.address());
    List<String> hashes = new ArrayList<>();
    tx.path("blobVersionedHashes").forEach(h -> hashes.add(h.asText()));
    assertThat(hashes)
        .containsExactly(
            Hex.encode(blobs.get(0).versionedHash()), Hex.encode(blobs.get(1).versionedHash()));
    // anvil serves the sidecar with the transaction.
    assertThat(tx.path("blobs").size()).isEqualTo(2);
    assertThat(Hex.decode(tx.path("blobs").get(1).asText())).isEqualTo(blobs.get(1).data());
    assertThat(Hex.decode(tx.path("commitments").get(0).asText()))
        .isEqualTo(blobs.get(0).commitment());
    System.out.println(
        "[publisher] 2-blob aggregate3: estimate "
            + estimate
            + ", gasUsed "
            + L1RpcClient.quantityLong(m.receipt().get("gasUsed"))
            + ", raw size "
            + sent.getFirst().raw().length);
  }

  @Test
  void aStuckTransactionIsSpedUpAndTheReplacementLands() throws Exception {
    ManualClock clock = new ManualClock();
    List<L1Transaction> sent = Collections.synchronizedList(new ArrayList<>());
    List<L1TxSender.Kind> kinds = Collections.synchronizedList(new ArrayList<>());
    L1TxSender s =
        sender(
            clock,
            L1TxConfig.defaults(),
            (k, t, x) -> {
              sent.add(t);
              kinds.add(k);
            });
    long nonce = rpc.getTransactionCount(KEY.address(), "pending");
    cheats.setAutomine(false);
    // Mine only once the first speed-up is in the pool.
    clock.onSleep(
        () -> {
          if (kinds.contains(L1TxSender.Kind.SPEED_UP)) {
            cheats.mine();
          }
        });
    Instant start = clock.instant();
    L1TxSender.Mined m =
        s.sendAndMonitor(
            emptyAggregate3(),
            new L1TxSender.TxOptions(OptionalLong.empty(), Optional.of(start.plusSeconds(60))),
            Optional.of(BlobSidecar.of(List.of(blob(3)))));

    assertThat(kinds).containsExactly(L1TxSender.Kind.ORIGINAL, L1TxSender.Kind.SPEED_UP);
    assertThat(m.nonce()).isEqualTo(nonce);
    assertThat(m.versions()).hasSize(2);
    assertThat(m.txHash()).isEqualTo(m.versions().get(1)); // the replacement was mined
    assertThat(m.succeeded()).isTrue();
    L1Transaction first = sent.get(0);
    L1Transaction second = sent.get(1);
    assertThat(second.nonce()).isEqualTo(first.nonce());
    assertThat(second.maxPriorityFeePerGas())
        .isGreaterThanOrEqualTo(first.maxPriorityFeePerGas().shiftLeft(1));
    assertThat(second.maxFeePerBlobGas())
        .isGreaterThanOrEqualTo(first.maxFeePerBlobGas().shiftLeft(1));
    assertThat(Duration.between(start, clock.instant()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(12));
    assertThat(rpc.call("eth_getTransactionByHash", m.versions().get(0)).isNull()).isTrue();
  }

  @Test
  void nothingIsSentOnceTheDeadlinePassed() {
    ManualClock clock = new ManualClock();
    List<L1TxSender.Kind> kinds = Collections.synchronizedList(new ArrayList<>());
    L1TxSender s = sender(clock, L1TxConfig.defaults(), (k, t, x) -> kinds.add(k));
    long nonce = rpc.getTransactionCount(KEY.address(), "pending");
    assertThatThrownBy(
            () ->
                s.sendAndMonitor(
                    emptyAggregate3(),
                    new L1TxSender.TxOptions(
                        OptionalLong.of(100_000), Optional.of(clock.instant().minusSeconds(1))),
                    Optional.of(BlobSidecar.of(List.of(blob(4))))))
        .isInstanceOfSatisfying(L1TxTimeoutException.class, e -> assertThat(e.sent()).isFalse())
        .hasMessageContaining("timed out before sending");
    assertThat(kinds).isEmpty();
    assertThat(rpc.getTransactionCount(KEY.address(), "pending")).isEqualTo(nonce);
  }

  @Test
  void aTransactionStillPendingAtTheDeadlineIsCancelled() throws Exception {
    ManualClock clock = new ManualClock();
    List<L1Transaction> sent = Collections.synchronizedList(new ArrayList<>());
    List<L1TxSender.Kind> kinds = Collections.synchronizedList(new ArrayList<>());
    L1TxSender s =
        sender(
            clock,
            L1TxConfig.defaults(),
            (k, t, x) -> {
              sent.add(t);
              kinds.add(k);
            });
    long nonce = rpc.getTransactionCount(KEY.address(), "pending");
    cheats.setAutomine(false);
    assertThatThrownBy(
            () ->
                s.sendAndMonitor(
                    emptyAggregate3(),
                    new L1TxSender.TxOptions(
                        OptionalLong.of(200_000), Optional.of(clock.instant().plusSeconds(5))),
                    Optional.of(BlobSidecar.of(List.of(blob(5))))))
        .isInstanceOfSatisfying(L1TxTimeoutException.class, e -> assertThat(e.sent()).isTrue());
    // Deadline 5 s < stall 12 s: no speed-up, then the no-op replacement.
    assertThat(kinds).containsExactly(L1TxSender.Kind.ORIGINAL, L1TxSender.Kind.CANCEL);
    L1Transaction cancel = sent.get(1);
    assertThat(cancel.nonce()).isEqualTo(nonce);
    assertThat(cancel.to()).isEqualTo(KEY.address());
    assertThat(cancel.gasLimit()).isEqualTo(21_000);
    assertThat(cancel.sidecar()).isPresent();
    cheats.mine();
    assertThat(rpc.getTransactionCount(KEY.address(), "latest")).isEqualTo(nonce + 1);
    JsonNode block = rpc.getBlock("latest").orElseThrow();
    assertThat(block.path("transactions").size()).isEqualTo(1);
    JsonNode mined =
        rpc.call("eth_getTransactionByHash", block.path("transactions").get(0).asText());
    assertThat(EthAddress.fromString(mined.path("to").asText())).isEqualTo(KEY.address());
  }

  @Test
  void publisherBundlesValidRequestsDropsExpiredOnesAndUploadsBlobs() throws Exception {
    ManualClock clock = new ManualClock();
    L1TxSender s = sender(clock, L1TxConfig.defaults(), L1TxSender.Listener.NONE);
    EthAddress rollupStandIn = EthAddress.fromNumber(0xabcdef);
    BlobUploader uploader =
        BlobUploader.create(tmp.resolve("store").toUri().toString(), 31337, 1, rollupStandIn);
    SequencerPublisher p = new SequencerPublisher(rpc, s, rollupStandIn, Optional.of(uploader));
    Blob b = blob(6);
    SlotNumber slot = SlotNumber.of(5);
    p.enqueue(
        new SequencerPublisher.Request(
            SequencerPublisher.Action.GOVERNANCE_SIGNAL,
            L1TxSender.TxRequest.call(EthAddress.fromNumber(0x1234), new byte[] {1}),
            slot,
            OptionalLong.of(50_000),
            Optional.empty(),
            List.of()));
    p.enqueue(
        new SequencerPublisher.Request(
            SequencerPublisher.Action.PROPOSE,
            L1TxSender.TxRequest.call(rollupStandIn, new byte[] {2, 3}),
            slot,
            OptionalLong.of(100_000),
            Optional.of(clock.instant().plusSeconds(60)),
            List.of(b)));
    p.enqueue(
        new SequencerPublisher.Request(
            SequencerPublisher.Action.VOTE_OFFENSES,
            L1TxSender.TxRequest.call(EthAddress.fromNumber(0x99), new byte[0]),
            SlotNumber.of(4),
            OptionalLong.empty(),
            Optional.empty(),
            List.of()));

    SequencerPublisher.PublishResult r = p.sendRequests(slot).orElseThrow();

    assertThat(r.expired()).containsExactly(SequencerPublisher.Action.VOTE_OFFENSES);
    assertThat(r.sent())
        .containsExactly(
            SequencerPublisher.Action.PROPOSE, SequencerPublisher.Action.GOVERNANCE_SIGNAL);
    // The stand-in "rollup" emits no CheckpointProposed: the propose action failed.
    assertThat(r.successful()).containsExactly(SequencerPublisher.Action.GOVERNANCE_SIGNAL);
    assertThat(r.failed()).containsExactly(SequencerPublisher.Action.PROPOSE);
    L1TxSender.Mined m = r.mined().orElseThrow();
    JsonNode tx = rpc.call("eth_getTransactionByHash", m.txHash());
    assertThat(L1RpcClient.quantityLong(tx.get("gas"))).isEqualTo(150_000);
    assertThat(Hex.decode(tx.path("input").asText()))
        .isEqualTo(
            Multicall3.encodeAggregate3(
                List.of(
                    new Multicall3.Call3(rollupStandIn, true, new byte[] {2, 3}),
                    new Multicall3.Call3(EthAddress.fromNumber(0x1234), true, new byte[] {1}))));
    assertThat(uploader.blobFile(b)).exists();
    assertThat(p.pending()).isEmpty();
    assertThat(p.sendRequests(slot)).isEmpty();
  }

  @Test
  void proposeSimulationRequestIsAcceptedByAnvil() {
    ManualClock clock = new ManualClock();
    L1TxSender s = sender(clock, L1TxConfig.defaults(), L1TxSender.Listener.NONE);
    SequencerPublisher p =
        new SequencerPublisher(rpc, s, EthAddress.fromNumber(0x4321), Optional.empty());
    long gas = p.simulatePropose(new byte[] {1, 2, 3, 4}, rpc.latestBlockTimestamp());
    // A call to an account without code: intrinsic gas plus calldata, or the fallback.
    assertThat(gas).isBetween(21_000L, L1TxConfig.MAX_L1_TX_LIMIT);
    System.out.println("[publisher] eth_simulateV1 gasUsed for a plain call: " + gas);
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
