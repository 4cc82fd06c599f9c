package io.quetzal.node.sequencer;

import io.quetzal.archiver.store.ArchiverStore;
import io.quetzal.epochcache.EpochCache;
import io.quetzal.epochcache.TimeSource;
import io.quetzal.ethereum.contracts.RollupContract;
import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.node.NodeL1;
import io.quetzal.sequencerclient.CheckpointPublisher;
import io.quetzal.sequencerclient.L1RollupView;
import io.quetzal.sequencerclient.PendingTxs;
import io.quetzal.sequencerclient.Sequencer;
import io.quetzal.sequencerclient.publisher.BlobUploader;
import io.quetzal.sequencerclient.publisher.L1TxConfig;
import io.quetzal.sequencerclient.publisher.L1TxSender;
import io.quetzal.sequencerclient.publisher.SequencerPublisher;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.validatorclient.SlashingProtection;
import io.quetzal.validatorclient.ValidatorKeyStore;
import io.quetzal.validatorclient.ValidatorSigner;
import io.quetzal.worldstate.WorldState;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * The node's sequencer: its validator keys with slashing protection in {@code <dir>/validator}, the
 * epoch cache on the node's clock, the L1 publisher (blob transactions, blob upload to the file
 * store), and the slot loop reading the archiver's store and forking the world state.
 */
public final class SequencerRuntime implements AutoCloseable {
  private final Sequencer sequencer;
  private final SlashingProtection protection;

  private SequencerRuntime(Sequencer sequencer, SlashingProtection protection) {
    this.sequencer = sequencer;
    this.protection = protection;
  }

  /**
   * @param validatorKeys the node's validator keys (the first also publishes unless {@code
   *     publisherKey} is given)
   * @param blobUploadUrl where published blobs are written ({@code BLOB_FILE_STORE_UPLOAD_URL})
   * @param txConfig gas and fee settings of the publisher
   * @param archiverSyncedL1Timestamp the archiver's last synced L1 block timestamp
   * @param clock the node's clock (following L1 on the local network)
   * @param sleeper waits on that clock
   * @throws IllegalArgumentException when the slot is too short for the sequencer's timetable
   */
  public static SequencerRuntime open(
      Path validatorDir,
      NodeL1 l1,
      ArchiverStore store,
      WorldState worldState,
      List<Secp256k1PrivateKey> validatorKeys,
      Optional<Secp256k1PrivateKey> publisherKey,
      Optional<EthAddress> coinbase,
      Optional<AztecAddress> feeRecipient,
      String blobUploadUrl,
      L1TxConfig txConfig,
      java.util.function.Supplier<java.util.OptionalLong> archiverSyncedL1Timestamp,
      InstantSource clock,
      io.quetzal.ethereum.rpc.Sleeper sleeper,
      Sequencer.Config config) {
    EthAddress rollupAddress = l1.addresses().rollupAddress();
    RollupContract rollup = new RollupContract(l1.rpc(), rollupAddress);
    SlashingProtection protection = SlashingProtection.open(validatorDir, rollupAddress);
    try {
      ValidatorKeyStore keys = new ValidatorKeyStore(validatorKeys, coinbase, feeRecipient);
      ValidatorSigner signer = new ValidatorSigner(keys, protection);
      EpochCache epochCache = EpochCache.create(l1.rpc(), rollup, 12, TimeSource.of(clock));
      L1TxSender sender =
          new L1TxSender(
              l1.rpc(),
              l1.chainId(),
              publisherKey.orElse(validatorKeys.getFirst()),
              txConfig,
              clock,
              io.quetzal.ethereum.rpc.Sleeper.SYSTEM,
              L1TxSender.Listener.NONE);
      SequencerPublisher publisher =
          new SequencerPublisher(
              l1.rpc(),
              sender,
              rollupAddress,
              Optional.of(
                  BlobUploader.create(
                      blobUploadUrl, l1.chainId(), l1.rollupVersion(), rollupAddress)));
      Sequencer sequencer =
          new Sequencer(
              config,
              new Sequencer.Collaborators(
                  epochCache,
                  new L1RollupView(l1.rpc(), rollupAddress),
                  store,
                  archiverSyncedL1Timestamp,
                  worldState,
                  keys,
                  signer,
                  CheckpointPublisher.of(publisher),
                  PendingTxs.NONE,
                  TimeSource.of(clock),
                  sleeper,
                  l1.chainId(),
                  l1.rollupVersion()));
      return new SequencerRuntime(sequencer, protection);
    } catch (RuntimeException e) {
      protection.close();
      throw e;
    }
  }

  /**
   * The slot loop's figures in the Prometheus text format, for {@code GET /metrics}: the state (its
   * number in the official order), proposals that landed, slots given up, notable skips, the last
   * proposed checkpoint and slot, and when its propose was sent, in seconds into the slot.
   */
  public String metrics() {
    Sequencer.Stats st = sequencer.stats();
    StringBuilder b = new StringBuilder();
    metric(
        b,
        "quetzal_sequencer_state",
        "gauge",
        "the state, numbered in the official order (0 STOPPED ... 11 PUBLISHING_CHECKPOINT): "
            + st.state(),
        Long.toString(st.state().ordinal()));
    metric(
        b,
        "quetzal_sequencer_checkpoints_proposed_total",
        "counter",
        "checkpoints proposed that landed on L1",
        Long.toString(st.proposed()));
    metric(
        b,
        "quetzal_sequencer_slots_failed_total",
        "counter",
        "slots given up after work began (building, attesting or publishing failed)",
        Long.toString(st.failed()));
    metric(
        b,
        "quetzal_sequencer_slots_too_slow_total",
        "counter",
        "slots given up past a timetable deadline after work began",
        Long.toString(st.tooSlow()));
    metric(
        b,
        "quetzal_sequencer_slots_skipped_notable_total",
        "counter",
        "slots not proposed for a reason worth a warning (rollup refusal, slot taken, no committee,"
            + " nothing built)",
        Long.toString(st.notableSkips()));
    metric(
        b,
        "quetzal_sequencer_last_proposed_checkpoint",
        "gauge",
        "the last checkpoint proposed that landed",
        Long.toString(st.lastProposedCheckpoint()));
    metric(
        b,
        "quetzal_sequencer_last_proposed_slot",
        "gauge",
        "the slot of the last checkpoint proposed",
        Long.toString(st.lastProposedSlot()));
    metric(
        b,
        "quetzal_sequencer_last_publish_seconds_into_slot",
        "gauge",
        "when the last propose was handed to the publisher, seconds from the slot's build start",
        String.format(java.util.Locale.ROOT, "%.3f", st.lastPublishSecondsIntoSlot()));
    return b.toString();
  }

  private static void metric(StringBuilder b, String name, String type, String help, String v) {
    b.append("# HELP ").append(name).append(' ').append(help).append('\n');
    b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    b.append(name).append(' ').append(v).append('\n');
  }

  /** The slot loop. */
  public Sequencer sequencer() {
    return sequencer;
  }

  public void start() {
    // The KZG trusted setup takes seconds to load: load it now, beside the first slot's work,
    // rather than inside the first checkpoint's assembly.
    Thread.ofVirtual().name("quetzal-kzg-setup").start(io.quetzal.ethereum.blobs.Kzg::ensureLoaded);
    sequencer.start();
  }

  @Override
  public void close() {
    sequencer.close();
    protection.close();
  }
}
