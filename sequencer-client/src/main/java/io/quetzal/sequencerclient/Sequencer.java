package io.quetzal.sequencerclient;

import io.quetzal.archiver.store.ArchiverStore;
import io.quetzal.archiver.store.CheckpointData;
import io.quetzal.blockbuilder.CheckpointBuilder;
import io.quetzal.blockbuilder.CheckpointGlobalVariables;
import io.quetzal.blockbuilder.CompletedCheckpoint;
import io.quetzal.epochcache.EpochCache;
import io.quetzal.epochcache.EpochCommitteeInfo;
import io.quetzal.epochcache.TimeSource;
import io.quetzal.ethereum.archive.ConsensusPayload;
import io.quetzal.ethereum.contracts.Abi;
import io.quetzal.ethereum.contracts.RollupContract;
import io.quetzal.foundation.crypto.EthSignature;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.BlockNumber;
import io.quetzal.foundation.types.CheckpointNumber;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import io.quetzal.sequencerclient.publisher.ProposeRequest;
import io.quetzal.sequencerclient.publisher.SequencerPublisher;
import io.quetzal.stdlib.block.GasFees;
import io.quetzal.stdlib.block.L2Block;
import io.quetzal.stdlib.checkpoint.Checkpoint;
import io.quetzal.validatorclient.AttestationCollector;
import io.quetzal.validatorclient.AttestationsAndSigners;
import io.quetzal.validatorclient.CheckpointAttestation;
import io.quetzal.validatorclient.ValidatorKeyStore;
import io.quetzal.validatorclient.ValidatorSigner;
import io.quetzal.worldstate.WorldState;
import io.quetzal.worldstate.WorldStateFork;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sequencer's slot loop, first version (the official {@code Sequencer.work} and {@code
 * CheckpointProposalJob}, without a tx pool): every {@link Config#pollInterval()} it looks at the
 * slot of the next L1 block and, when one of this node's validators is that slot's proposer and the
 * node is in sync with L1, builds the checkpoint (one block holding the checkpoint's L1→L2
 * messages, empty otherwise), signs the proposal and the committee attestations with its own keys
 * (slashing protection on), and publishes {@code Rollup.propose} as a blob transaction through
 * Multicall3. A slot is tried once: on any failure the reason is logged and the next slot is the
 * next chance (no retry outside the slot).
 *
 * <p>Single-threaded: {@link #tick()} runs on the loop's thread (tests call it directly with a
 * manual clock).
 */
public final class Sequencer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Sequencer.class);

  /**
   * @param pollInterval time between two looks at the slot ({@code SEQ_POLLING_INTERVAL_MS})
   * @param buildCheckpointIfEmpty build a checkpoint with an empty block when there are no txs
   *     ({@code SEQ_BUILD_CHECKPOINT_IF_EMPTY})
   * @param attestationTimeout how long to wait for the quorum of attestations
   * @param immediateInclusion whether L1 includes a transaction at once (an auto-mining anvil): the
   *     slot worked on is then the slot of now, else the slot of the next L1 block
   */
  public record Config(
      Duration pollInterval,
      boolean buildCheckpointIfEmpty,
      Duration attestationTimeout,
      boolean immediateInclusion) {
    /**
     * The local network: anvil mines a transaction at once (automine), so the propose lands in an
     * L1 block stamped about now, not one L1 slot later.
     */
    public static Config localNetwork() {
      return new Config(Duration.ofMillis(500), true, Duration.ofSeconds(10), true);
    }
  }

  /** What one look at the slot decided. */
  public sealed interface Outcome {
    /** Nothing to do (the reason, for logs and tests). */
    record Skipped(long slot, String reason) implements Outcome {}

    /** The checkpoint was proposed on L1. */
    record Proposed(long slot, long checkpoint, String l1TxHash) implements Outcome {}

    /** Building or publishing failed; the slot is given up. */
    record Failed(long slot, String reason) implements Outcome {}
  }

  private final Config config;
  private final EpochCache epochCache;
  private final RollupContract rollup;
  private final ArchiverStore store;
  private final WorldState worldState;
  private final ValidatorKeyStore keys;
  private final ValidatorSigner signer;
  private final SequencerPublisher publisher;
  private final TimeSource clock;
  private final Fr chainId;
  private final Fr version;
  private final java.util.function.LongSupplier l1NextBlockTimestamp;
  private long lastSlot = -1;
  private ScheduledExecutorService executor;

  public Sequencer(
      Config config,
      EpochCache epochCache,
      RollupContract rollup,
      ArchiverStore store,
      WorldState worldState,
      ValidatorKeyStore keys,
      ValidatorSigner signer,
      SequencerPublisher publisher,
      TimeSource clock,
      java.util.function.LongSupplier l1NextBlockTimestamp,
      long chainId,
      long version) {
    this.l1NextBlockTimestamp =
        Objects.requireNonNull(l1NextBlockTimestamp, "l1NextBlockTimestamp");
    this.config = Objects.requireNonNull(config, "config");
    this.epochCache = Objects.requireNonNull(epochCache, "epochCache");
    this.rollup = Objects.requireNonNull(rollup, "rollup");
    this.store = Objects.requireNonNull(store, "store");
    this.worldState = Objects.requireNonNull(worldState, "worldState");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.chainId = Fr.ofLong(chainId);
    this.version = Fr.ofLong(version);
  }

  /** One look at the slot of the next L1 block. */
  public synchronized Outcome tick() {
    long slot =
        config.immediateInclusion()
            ? slotAt(l1NextBlockTimestamp.getAsLong())
            : epochCache.epochAndSlotInNextL1Slot().slot().value();
    if (slot <= lastSlot) {
      return new Outcome.Skipped(slot, "slot already handled");
    }
    long pendingOnL1 = rollup.getPendingCheckpointNumber();
    long slotStart = rollup.getTimestampForSlot(slot);
    if (pendingOnL1 > rollup.getProvenCheckpointNumber() && canPruneAtTime(slotStart)) {
      // L1 prunes the unproven checkpoints in the same call as our propose: build on the proven
      // one, as the archiver has already unwound to it.
      pendingOnL1 = rollup.getProvenCheckpointNumber();
    }
    long local = store.latestCheckpointNumber();
    long latestBlock = store.latestBlockNumber();
    if (local != pendingOnL1 || worldState.status().unfinalizedBlockNumber() != latestBlock) {
      return new Outcome.Skipped(
          slot,
          "not in sync (L1 checkpoint "
              + pendingOnL1
              + ", archiver "
              + local
              + ", world state block "
              + worldState.status().unfinalizedBlockNumber()
              + " of "
              + latestBlock
              + ")");
    }
    if (local > 0) {
      CheckpointData tip = store.checkpointData(local);
      if (tip != null && tip.header().slotNumber().value() >= slot) {
        lastSlot = slot;
        return new Outcome.Skipped(slot, "slot already holds checkpoint " + local);
      }
    }
    SlotNumber s = SlotNumber.of(slot);
    EpochCommitteeInfo committeeInfo = epochCache.committeeAtSlot(s);
    List<EthAddress> committee = committeeInfo.committee().orElse(List.of());
    Optional<EthAddress> proposer = committeeInfo.proposerAt(s);
    // Without a committee anyone may propose: our first validator does.
    EthAddress us = proposer.orElse(committee.isEmpty() ? keys.address(0) : EthAddress.ZERO);
    if (!keys.contains(us)) {
      return new Outcome.Skipped(slot, "not our slot (proposer " + us + ")");
    }
    lastSlot = slot;
    try {
      return propose(s, us, committee, local + 1, latestBlock + 1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.Failed(slot, "interrupted");
    } catch (RuntimeException e) {
      LOG.warn(
          "Slot {}: building or publishing checkpoint {} failed: {}",
          slot,
          local + 1,
          e.toString());
      return new Outcome.Failed(slot, e.toString());
    }
  }

  private Outcome propose(
      SlotNumber slot,
      EthAddress proposer,
      List<EthAddress> committee,
      long checkpointNumber,
      long blockNumber)
      throws InterruptedException {
    long timestamp = rollup.getTimestampForSlot(slot.value());
    BigInteger manaFee = manaMinFeeAt(timestamp);
    CheckpointGlobalVariables constants =
        new CheckpointGlobalVariables(
            chainId,
            version,
            slot,
            timestamp,
            keys.coinbase(proposer),
            keys.feeRecipient(proposer),
            new GasFees(BigInteger.ZERO, manaFee));
    List<Fr> messages = store.l1ToL2Messages(checkpointNumber);
    CompletedCheckpoint completed;
    try (WorldStateFork fork = worldState.fork()) {
      CheckpointBuilder builder =
          CheckpointBuilder.start(
              fork,
              CheckpointNumber.of(checkpointNumber),
              constants,
              messages,
              previousOutHashes(slot),
              BigInteger.ZERO);
      builder.buildBlock(List.of(), BlockNumber.of(blockNumber), timestamp);
      completed = builder.complete();
    }
    Checkpoint cp = completed.checkpoint();
    Fr archive = cp.archive().root();
    ConsensusPayload payload = new ConsensusPayload(cp.header(), archive, BigInteger.ZERO);
    EthSignature proposerSig =
        signer.signCheckpointProposal(proposer, cp.header(), archive, BigInteger.ZERO);
    List<EthAddress> localMembers = keys.localInCommittee(committee);
    Instant deadline = Instant.ofEpochMilli(clock.nowMillis()).plus(config.attestationTimeout());
    // Without p2p the only attestations are our own, added just below: the collector is polled
    // once, so its clock only has to read "now".
    AttestationCollector collector =
        new AttestationCollector(
            payload,
            committee,
            proposer,
            localMembers,
            deadline,
            () -> Instant.ofEpochMilli(clock.nowMillis()));
    for (CheckpointAttestation a : signer.attestAll(localMembers, payload, proposerSig)) {
      collector.add(a);
    }
    AttestationsAndSigners attestations;
    switch (collector.poll()) {
      case AttestationCollector.Status.Reached r -> attestations = r.attestations();
      case AttestationCollector.Status.Pending p -> {
        return new Outcome.Failed(
            slot.value(),
            "only "
                + p.have()
                + " of "
                + p.required()
                + " attestations from local keys (no p2p yet)");
      }
      case AttestationCollector.Status.TimedOut t -> {
        return new Outcome.Failed(slot.value(), "attestations timed out");
      }
    }
    EthSignature aasSig = signer.signAttestationsAndSigners(proposer, slot, attestations);
    long slotEnd = timestamp + epochCache.constants().slotDuration();
    ProposeRequest request =
        ProposeRequest.of(
            archive,
            BigInteger.ZERO,
            cp.header(),
            attestations.packed(),
            attestations.signers(),
            aasSig,
            completed.blobs(),
            Optional.of(Instant.ofEpochSecond(slotEnd)));
    publisher.enqueueProposeCheckpoint(request);
    Optional<SequencerPublisher.PublishResult> result = publisher.sendRequests(slot);
    if (result.isEmpty()) {
      return new Outcome.Failed(slot.value(), "nothing was sent (the slot's deadline passed)");
    }
    SequencerPublisher.PublishResult r = result.get();
    if (!r.successful().contains(SequencerPublisher.Action.PROPOSE)) {
      return new Outcome.Failed(
          slot.value(), "propose did not land: " + r.error().orElse("no CheckpointProposed log"));
    }
    String tx = r.mined().map(m -> m.txHash().toString()).orElse("?");
    LOG.info(
        "Proposed checkpoint {} (block {}, {} L1-to-L2 messages) in slot {} with {} attestations:"
            + " L1 tx {}",
        checkpointNumber,
        blockNumber,
        messages.size(),
        slot.value(),
        attestations.signatureCount(),
        tx);
    return new Outcome.Proposed(slot.value(), checkpointNumber, tx);
  }

  /** The out hashes of this epoch's earlier checkpoints, in order. */
  private List<Fr> previousOutHashes(SlotNumber slot) {
    long epochDuration = epochCache.constants().epochDuration();
    long epochStart = slot.value() / epochDuration * epochDuration;
    List<Fr> out = new ArrayList<>();
    if (slot.value() == epochStart) {
      return out;
    }
    for (CheckpointData c : store.checkpointsForSlotRange(epochStart, slot.value() - 1)) {
      List<L2Block> blocks = store.blocksForCheckpoint(c.number());
      out.add(CheckpointBuilder.checkpointOutHash(blocks));
    }
    return out;
  }

  private long slotAt(long timestamp) {
    var c = epochCache.constants();
    return timestamp < c.genesisTime() ? 0 : (timestamp - c.genesisTime()) / c.slotDuration();
  }

  /** {@code canPruneAtTime(timestamp)}: whether a proposal then would first prune. */
  private boolean canPruneAtTime(long timestamp) {
    return ((org.web3j.abi.datatypes.Bool)
            rollup.call1(
                Abi.function(
                    "canPruneAtTime",
                    List.of(Abi.uint(timestamp)),
                    new org.web3j.abi.TypeReference<org.web3j.abi.datatypes.Bool>() {})))
        .getValue();
  }

  /** {@code getManaMinFeeAt(timestamp, true)}: the L2 gas fee the rollup requires. */
  private BigInteger manaMinFeeAt(long timestamp) {
    return Abi.toBigInteger(
        rollup.call1(
            Abi.function(
                "getManaMinFeeAt",
                List.of(Abi.uint(timestamp), new org.web3j.abi.datatypes.Bool(true)),
                Abi.UINT256)));
  }

  /** Runs {@link #tick()} every poll interval on a daemon thread. */
  public synchronized void start() {
    if (executor != null) {
      throw new IllegalStateException("already started");
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "quetzal-sequencer");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            Outcome o = tick();
            if (o instanceof Outcome.Skipped sk && !sk.reason().startsWith("slot already")) {
              LOG.debug("Slot {}: {}", sk.slot(), sk.reason());
            } else if (o instanceof Outcome.Failed f) {
              LOG.warn("Slot {} skipped: {}", f.slot(), f.reason());
            }
          } catch (RuntimeException e) {
            LOG.warn("sequencer: {}", e.toString());
          }
        },
        0,
        config.pollInterval().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor = null;
    }
  }
}
