package io.quetzal.sequencerclient;

import io.quetzal.archiver.store.ArchiverStore;
import io.quetzal.archiver.store.CheckpointData;
import io.quetzal.blockbuilder.BlockLimits;
import io.quetzal.blockbuilder.BuiltBlock;
import io.quetzal.blockbuilder.CheckpointBuilder;
import io.quetzal.blockbuilder.CheckpointGlobalVariables;
import io.quetzal.blockbuilder.CheckpointValidator;
import io.quetzal.blockbuilder.CompletedCheckpoint;
import io.quetzal.blockbuilder.InsufficientValidTxsException;
import io.quetzal.epochcache.EpochCache;
import io.quetzal.epochcache.EpochCommitteeInfo;
import io.quetzal.epochcache.L1RollupConstants;
import io.quetzal.epochcache.TimeSource;
import io.quetzal.ethereum.archive.ConsensusPayload;
import io.quetzal.ethereum.rpc.Sleeper;
import io.quetzal.foundation.crypto.EthSignature;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.BlockNumber;
import io.quetzal.foundation.types.CheckpointNumber;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import io.quetzal.sequencerclient.publisher.ProposeRequest;
import io.quetzal.sequencerclient.timetable.SequencerTimetable;
import io.quetzal.sequencerclient.timetable.SequencerTooSlowException;
import io.quetzal.stdlib.block.GasFees;
import io.quetzal.stdlib.block.L2Block;
import io.quetzal.stdlib.checkpoint.Checkpoint;
import io.quetzal.stdlib.trees.MerkleTreeId;
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
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sequencer's slot loop with the official states and timetable (the official {@code
 * Sequencer.work} and {@code CheckpointProposalJob}). Every {@link Config#pollInterval()} it works
 * on the slot of the next L1 block:
 *
 * <ol>
 *   <li>{@link SequencerState#SYNCHRONIZING}: the archiver has processed every L1 block before the
 *       slot, and the world state stands at the archiver's tip (same block, same archive root);
 *   <li>{@link SequencerState#PROPOSER_CHECK}: one of our validators is the slot's proposer (or
 *       there is no committee), the slot is not taken, and the rollup's {@code canProposeAtTime},
 *       simulated for the next L1 block, agrees on the slot and the checkpoint number (this also
 *       covers a prune L1 would do first);
 *   <li>{@link SequencerState#INITIALIZING_CHECKPOINT}: globals (fees from L1), L1→L2 messages, a
 *       world-state fork;
 *   <li>blocks, in the timetable's sub-slots: {@link SequencerState#WAITING_FOR_TXS} until {@code
 *       SEQ_MIN_TX_PER_BLOCK} txs wait (or an empty block is allowed), {@link
 *       SequencerState#CREATING_BLOCK}, {@link SequencerState#WAITING_UNTIL_NEXT_BLOCK};
 *   <li>{@link SequencerState#ASSEMBLING_CHECKPOINT}: header, blobs, final validation, proposal
 *       signature;
 *   <li>{@link SequencerState#COLLECTING_ATTESTATIONS}: the quorum of committee attestations;
 *   <li>{@link SequencerState#PUBLISHING_CHECKPOINT}: {@code Rollup.propose} until the slot's last
 *       L1 block.
 * </ol>
 *
 * Entering a state past its deadline in the {@link SequencerTimetable} (when enforced) gives the
 * slot up ({@link Outcome.TooSlow}). Times count from the slot's build start, one "inclusion delay"
 * before the slot: an L1 slot normally, one second when L1 mines every transaction at once ({@link
 * Config#immediateInclusion()}, the local network's anvil).
 *
 * <p>Everything that takes time goes through the injected {@link TimeSource} and {@link Sleeper},
 * so tests drive whole slots on a manual clock without real sleeps. {@link #tick()} runs one pass
 * on the caller's thread; {@link #start()} runs it on a daemon thread.
 *
 * <p>Not yet: attestations from other nodes (no p2p: only local keys attest), block proposals
 * broadcast for non-last blocks, invalidation of bad checkpoints, governance and slashing votes.
 */
public final class Sequencer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Sequencer.class);

  /** How often the pool is looked at while waiting for txs (official {@code TXS_POLLING_MS}). */
  static final Duration TXS_POLLING = Duration.ofMillis(500);

  /**
   * @param pollInterval time between two passes ({@code SEQ_POLLING_INTERVAL_MS})
   * @param minTxsPerBlock txs needed to build a block ({@code SEQ_MIN_TX_PER_BLOCK})
   * @param buildCheckpointIfEmpty build a checkpoint with one empty block when no txs come ({@code
   *     SEQ_BUILD_CHECKPOINT_IF_EMPTY})
   * @param enforceTimeTable enforce the timetable's deadlines ({@code SEQ_ENFORCE_TIME_TABLE})
   * @param blockDurationMs sub-slot per block ({@code SEQ_BLOCK_DURATION_MS}); empty for one block
   *     per slot
   * @param l1PublishingTimeSeconds time for the L1 transaction at the end of the slot ({@code
   *     SEQ_L1_PUBLISHING_TIME_ALLOWANCE_IN_SLOT}); empty for one L1 slot
   * @param attestationPropagationTime one-way p2p propagation ({@code
   *     SEQ_ATTESTATION_PROPAGATION_TIME}); empty for the default
   * @param limits block and checkpoint limits, also checked on the built checkpoint (a negative
   *     rollup mana limit means the rollup's)
   * @param immediateInclusion whether L1 includes a transaction at once (an auto-mining anvil)
   */
  public record Config(
      Duration pollInterval,
      int minTxsPerBlock,
      boolean buildCheckpointIfEmpty,
      boolean enforceTimeTable,
      OptionalLong blockDurationMs,
      OptionalLong l1PublishingTimeSeconds,
      OptionalDouble attestationPropagationTime,
      CheckpointValidator.Limits limits,
      boolean immediateInclusion) {
    public Config {
      Objects.requireNonNull(pollInterval, "pollInterval");
      Objects.requireNonNull(blockDurationMs, "blockDurationMs");
      Objects.requireNonNull(l1PublishingTimeSeconds, "l1PublishingTimeSeconds");
      Objects.requireNonNull(attestationPropagationTime, "attestationPropagationTime");
      Objects.requireNonNull(limits, "limits");
      if (minTxsPerBlock < 0) {
        throw new IllegalArgumentException(
            "minTxsPerBlock must not be negative: " + minTxsPerBlock);
      }
    }

    /**
     * The local network: the official defaults (timetable enforced, one block per slot, one tx per
     * block), a checkpoint every slot even without txs, and an anvil that mines at once.
     */
    public static Config localNetwork() {
      return new Config(
          Duration.ofMillis(500),
          1,
          true,
          true,
          OptionalLong.empty(),
          OptionalLong.empty(),
          OptionalDouble.empty(),
          CheckpointValidator.Limits.NONE,
          true);
    }

    /** The same with another value of {@code SEQ_BUILD_CHECKPOINT_IF_EMPTY}. */
    public Config withBuildCheckpointIfEmpty(boolean build) {
      return new Config(
          pollInterval,
          minTxsPerBlock,
          build,
          enforceTimeTable,
          blockDurationMs,
          l1PublishingTimeSeconds,
          attestationPropagationTime,
          limits,
          immediateInclusion);
    }
  }

  /** What one pass decided. */
  public sealed interface Outcome {
    /**
     * Nothing to do, or not possible in this slot (the reason, for logs and tests); {@code notable}
     * when an operator should see it (logged as a warning once per slot, as the official node does:
     * the rollup refuses, the slot is taken, no committee, nothing was built).
     */
    record Skipped(long slot, String reason, boolean notable) implements Outcome {
      public Skipped(long slot, String reason) {
        this(slot, reason, false);
      }
    }

    /** The checkpoint was proposed on L1. */
    record Proposed(long slot, long checkpoint, int blocks, String l1TxHash) implements Outcome {}

    /** Building, attesting or publishing failed; the slot is given up. */
    record Failed(long slot, String reason) implements Outcome {}

    /** The slot had gone too far to enter {@code state}; the slot is given up. */
    record TooSlow(long slot, SequencerState state, double maxAllowedTime, double secondsIntoSlot)
        implements Outcome {}
  }

  /** Sees every state change, with the slot's time when the new state belongs to a slot. */
  @FunctionalInterface
  public interface StateListener {
    StateListener NONE = (from, to, slot, secondsIntoSlot) -> {};

    void changed(
        SequencerState from, SequencerState to, OptionalLong slot, OptionalDouble secondsIntoSlot);
  }

  /**
   * What the loop works with.
   *
   * @param epochCache committees and proposers, on the node's clock
   * @param rollup L1's rollup
   * @param store the archiver's store (tip, messages, earlier checkpoints of the epoch)
   * @param archiverSyncedL1Timestamp the timestamp of the L1 block the archiver last synced to
   * @param worldState the world state (forked for building)
   * @param keys our validators
   * @param signer signatures with slashing protection
   * @param publisher lands the propose on L1
   * @param txs the pending txs
   * @param clock now
   * @param sleeper waits (on {@code clock})
   * @param chainId L1 chain id
   * @param version rollup version
   */
  public record Collaborators(
      EpochCache epochCache,
      RollupView rollup,
      ArchiverStore store,
      Supplier<OptionalLong> archiverSyncedL1Timestamp,
      WorldState worldState,
      ValidatorKeyStore keys,
      ValidatorSigner signer,
      CheckpointPublisher publisher,
      PendingTxs txs,
      TimeSource clock,
      Sleeper sleeper,
      long chainId,
      long version) {
    public Collaborators {
      Objects.requireNonNull(epochCache, "epochCache");
      Objects.requireNonNull(rollup, "rollup");
      Objects.requireNonNull(store, "store");
      Objects.requireNonNull(archiverSyncedL1Timestamp, "archiverSyncedL1Timestamp");
      Objects.requireNonNull(worldState, "worldState");
      Objects.requireNonNull(keys, "keys");
      Objects.requireNonNull(signer, "signer");
      Objects.requireNonNull(publisher, "publisher");
      Objects.requireNonNull(txs, "txs");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(sleeper, "sleeper");
    }
  }

  /** The sequencer is stopping: the pass in progress ends. */
  static final class InterruptedSlotException extends RuntimeException {
    InterruptedSlotException() {
      super("the sequencer is stopping");
    }
  }

  private final Config config;
  private final Collaborators c;
  private final L1RollupConstants constants;
  private final SequencerTimetable timetable;
  private final CheckpointValidator.Limits limits;
  private final long inclusionDelay;
  private final Fr chainId;
  private final Fr version;
  private volatile StateListener listener = StateListener.NONE;
  private volatile SequencerState state = SequencerState.STOPPED;
  private volatile boolean stopRequested;
  private final java.util.EnumMap<SequencerState, Double> slotTimes =
      new java.util.EnumMap<>(SequencerState.class);
  private long lastSlotForProposalJob = -1;
  private volatile long lastProposedSlot = -1;
  private final Object lifecycle = new Object();
  private volatile ScheduledExecutorService executor;
  private volatile java.util.function.LongConsumer onProposed = slot -> {};

  /**
   * @throws IllegalArgumentException when the slot is too short for the timetable
   */
  public Sequencer(Config config, Collaborators collaborators) {
    this.config = Objects.requireNonNull(config, "config");
    this.c = Objects.requireNonNull(collaborators, "collaborators");
    this.constants = c.epochCache().constants();
    long ethSlot = constants.ethereumSlotDuration();
    this.timetable =
        new SequencerTimetable(
            ethSlot,
            constants.slotDuration(),
            config.l1PublishingTimeSeconds().orElse(ethSlot),
            config.attestationPropagationTime(),
            config.blockDurationMs(),
            config.enforceTimeTable());
    CheckpointValidator.Limits l = config.limits();
    // The checkpoint's mana limit is the rollup's unless configured.
    this.limits =
        l.rollupManaLimit() >= 0
            ? l
            : new CheckpointValidator.Limits(
                constants.rollupManaLimit(),
                l.maxL2BlockGas(),
                l.maxDaBlockGas(),
                l.maxTxsPerCheckpoint(),
                l.maxTxsPerBlock());
    this.inclusionDelay = config.immediateInclusion() ? 1 : ethSlot;
    this.chainId = Fr.ofLong(c.chainId());
    this.version = Fr.ofLong(c.version());
  }

  /** The timetable in use. */
  public SequencerTimetable timetable() {
    return timetable;
  }

  /** The current state. */
  public SequencerState state() {
    return state;
  }

  /**
   * Called with the slot after every checkpoint that landed, on the loop's thread (the local
   * network's slot warper moves to the next slot at once).
   */
  public void onProposed(java.util.function.LongConsumer listener) {
    this.onProposed = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Runs a pass now rather than at the next poll (the local network calls it after warping L1 into
   * a new slot); does nothing when not running.
   */
  public void wakeUp() {
    ScheduledExecutorService e = executor;
    if (e != null) {
      try {
        e.execute(this::pass);
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        // stopping
      }
    }
  }

  /** Replaces the state listener (metrics, tests). */
  public void onStateChange(StateListener l) {
    this.listener = Objects.requireNonNull(l, "listener");
  }

  /**
   * One pass over the slot of the next L1 block. Never throws for a slot's problems: they are the
   * {@link Outcome}.
   */
  public synchronized Outcome tick() {
    Outcome o = pass0();
    count(o);
    return o;
  }

  private Outcome pass0() {
    long slot = -1;
    try {
      setState(SequencerState.SYNCHRONIZING, OptionalLong.empty());
      slot = slotOfNextL1Block();
      return work(slot);
    } catch (SequencerTooSlowException e) {
      if (e.state() == SequencerState.PROPOSER_CHECK
          || e.state() == SequencerState.INITIALIZING_CHECKPOINT) {
        LOG.debug("Slot {}: {}", slot, e.getMessage());
      } else {
        LOG.warn("Slot {}: {}", slot, e.getMessage());
      }
      return new Outcome.TooSlow(slot, e.state(), e.maxAllowedTime(), e.secondsIntoSlot());
    } catch (InterruptedSlotException e) {
      return new Outcome.Failed(slot, e.getMessage());
    } finally {
      if (!stopRequested) {
        setState(SequencerState.IDLE, OptionalLong.empty());
      }
    }
  }

  private long slotOfNextL1Block() {
    if (config.immediateInclusion()) {
      return slotAt(c.rollup().latestL1BlockTimestamp() + inclusionDelay);
    }
    return c.epochCache().epochAndSlotInNextL1Slot().slot().value();
  }

  private Outcome work(long slot) {
    if (config.enforceTimeTable() && lastSlotForProposalJob >= slot) {
      return new Outcome.Skipped(slot, "slot already handled");
    }
    if (lastProposedSlot >= slot) {
      return new Outcome.Skipped(slot, "slot already published");
    }
    Synced synced;
    switch (checkSync(slot)) {
      case SyncCheck.Behind b -> {
        return new Outcome.Skipped(slot, "not in sync: " + b.reason());
      }
      case Synced s -> synced = s;
    }
    SlotNumber s = SlotNumber.of(slot);
    setState(SequencerState.PROPOSER_CHECK, OptionalLong.of(slot));
    EpochCommitteeInfo committeeInfo = c.epochCache().committeeAtSlot(s);
    if (committeeInfo.committee().isEmpty()) {
      return new Outcome.Skipped(slot, "the committee does not exist on L1", true);
    }
    List<EthAddress> committee = committeeInfo.committee().get();
    Optional<EthAddress> proposer = committeeInfo.proposerAt(s);
    if (proposer.isPresent() && !c.keys().contains(proposer.get())) {
      return new Outcome.Skipped(slot, "not our slot (proposer " + proposer.get() + ")");
    }
    if (synced.lastBlockSlot() >= slot) {
      return new Outcome.Skipped(
          slot,
          "slot already taken by block "
              + synced.blockNumber()
              + " (checkpoint "
              + synced.checkpoint()
              + ")",
          true);
    }
    long expectedCheckpoint = synced.checkpoint() + 1;
    long nextL1Timestamp = c.rollup().latestL1BlockTimestamp() + inclusionDelay;
    switch (c.rollup()
        .canProposeAtTime(nextL1Timestamp, synced.archive(), proposer.orElse(EthAddress.ZERO))) {
      case RollupView.ProposeCheck.Refused r -> {
        return new Outcome.Skipped(slot, "the rollup refuses a proposal now: " + r.reason(), true);
      }
      case RollupView.ProposeCheck.Allowed a when a.slot() != slot -> {
        return new Outcome.Skipped(
            slot,
            "slot mismatch with the rollup (is the clock out of step with L1?): rollup slot "
                + a.slot(),
            true);
      }
      case RollupView.ProposeCheck.Allowed a when a.checkpointNumber() != expectedCheckpoint -> {
        return new Outcome.Skipped(
            slot,
            "checkpoint mismatch with the rollup (archiver still syncing?): expected "
                + expectedCheckpoint
                + ", rollup "
                + a.checkpointNumber(),
            true);
      }
      case RollupView.ProposeCheck.Allowed a -> {}
    }
    lastSlotForProposalJob = slot;
    // Without a committee member as proposer anyone may propose: our first validator signs.
    EthAddress us = proposer.orElse(c.keys().address(0));
    LOG.info("Preparing checkpoint proposal {} at slot {}", expectedCheckpoint, slot);
    try {
      return proposeCheckpoint(s, us, committee, expectedCheckpoint, synced.blockNumber());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.Failed(slot, "interrupted");
    } catch (SequencerTooSlowException | InterruptedSlotException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warn("Slot {}: checkpoint {} failed: {}", slot, expectedCheckpoint, e.toString());
      return new Outcome.Failed(slot, e.toString());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Sync check

  private sealed interface SyncCheck permits SyncCheck.Behind, Synced {
    record Behind(String reason) implements SyncCheck {}
  }

  /** Where the node stands: its tip block and checkpoint, and the archive root to build on. */
  private record Synced(long blockNumber, long checkpoint, Fr archive, long lastBlockSlot)
      implements SyncCheck {}

  private SyncCheck checkSync(long slot) {
    OptionalLong l1Timestamp = c.archiverSyncedL1Timestamp().get();
    if (l1Timestamp.isEmpty()) {
      return new SyncCheck.Behind("the archiver has not synced L1 yet");
    }
    // The last L2 slot all of whose L1 blocks the archiver has processed.
    long nextL1BlockSlot = slotAt(l1Timestamp.getAsLong() + inclusionDelay);
    if (nextL1BlockSlot == 0 || nextL1BlockSlot < slot) {
      return new SyncCheck.Behind(
          "the archiver has synced L1 up to L2 slot "
              + (nextL1BlockSlot - 1)
              + ", before slot "
              + slot);
    }
    long latestBlock = c.store().latestBlockNumber();
    long wsBlock = c.worldState().status().unfinalizedBlockNumber();
    Fr wsArchive = c.worldState().committed().treeInfo(MerkleTreeId.ARCHIVE).root();
    if (latestBlock == 0 && wsBlock == 0) {
      return new Synced(0, 0, wsArchive, -1);
    }
    if (wsBlock != latestBlock) {
      return new SyncCheck.Behind(
          "world state at block " + wsBlock + ", archiver at block " + latestBlock);
    }
    L2Block tip = c.store().block(latestBlock);
    if (tip == null || !tip.archive().root().equals(wsArchive)) {
      return new SyncCheck.Behind(
          "world state and archiver disagree on block " + latestBlock + "'s archive");
    }
    long checkpoint = c.store().latestCheckpointNumber();
    return new Synced(
        latestBlock, checkpoint, wsArchive, tip.header().globalVariables().slotNumber().value());
  }

  // ---------------------------------------------------------------------------------------------
  // The checkpoint proposal job

  private Outcome proposeCheckpoint(
      SlotNumber slot,
      EthAddress proposer,
      List<EthAddress> committee,
      long checkpointNumber,
      long syncedBlock)
      throws InterruptedException {
    long slotValue = slot.value();
    OptionalLong slotOpt = OptionalLong.of(slotValue);
    setState(SequencerState.INITIALIZING_CHECKPOINT, slotOpt);
    long timestamp = timestampForSlot(slotValue);
    BigInteger manaFee = c.rollup().manaMinFeeAt(timestamp);
    CheckpointGlobalVariables globals =
        new CheckpointGlobalVariables(
            chainId,
            version,
            slot,
            timestamp,
            c.keys().coinbase(proposer),
            c.keys().feeRecipient(proposer),
            new GasFees(BigInteger.ZERO, manaFee));
    List<Fr> messages = c.store().l1ToL2Messages(checkpointNumber);
    CompletedCheckpoint completed;
    List<L2Block> blocks;
    try (WorldStateFork fork = c.worldState().fork()) {
      CheckpointBuilder builder =
          CheckpointBuilder.start(
              fork,
              CheckpointNumber.of(checkpointNumber),
              globals,
              messages,
              previousOutHashes(slot, checkpointNumber),
              BigInteger.ZERO);
      blocks = buildBlocks(builder, slotValue, timestamp, syncedBlock + 1);
      if (blocks.isEmpty()) {
        return new Outcome.Skipped(slotValue, "no blocks were built (not enough txs)", true);
      }
      setState(SequencerState.ASSEMBLING_CHECKPOINT, slotOpt);
      completed = builder.complete();
    }
    Checkpoint cp = completed.checkpoint();
    try {
      CheckpointValidator.validate(cp, limits);
    } catch (RuntimeException e) {
      return new Outcome.Failed(slotValue, "built an invalid checkpoint: " + e.getMessage());
    }
    Fr archive = cp.archive().root();
    ConsensusPayload payload = new ConsensusPayload(cp.header(), archive, BigInteger.ZERO);
    EthSignature proposerSig =
        c.signer().signCheckpointProposal(proposer, cp.header(), archive, BigInteger.ZERO);

    setState(SequencerState.COLLECTING_ATTESTATIONS, slotOpt);
    AttestationsAndSigners attestations;
    switch (collectAttestations(slotValue, payload, committee, proposer, proposerSig)) {
      case AttestationCollector.Status.Reached r -> attestations = r.attestations();
      case AttestationCollector.Status.Pending p -> {
        return new Outcome.Failed(
            slotValue,
            "only "
                + p.have()
                + " of "
                + p.required()
                + " attestations from local keys (no p2p yet)");
      }
      case AttestationCollector.Status.TimedOut t -> {
        return new Outcome.Failed(slotValue, "attestations timed out");
      }
    }
    EthSignature aasSig = c.signer().signAttestationsAndSigners(proposer, slot, attestations);

    setState(SequencerState.PUBLISHING_CHECKPOINT, slotOpt);
    Instant txTimeoutAt = Instant.ofEpochSecond(buildStart(slotValue) + constants.slotDuration());
    ProposeRequest request =
        ProposeRequest.of(
            archive,
            BigInteger.ZERO,
            cp.header(),
            attestations.packed(),
            attestations.signers(),
            aasSig,
            completed.blobs(),
            Optional.of(txTimeoutAt));
    switch (c.publisher().publish(request, slot)) {
      case CheckpointPublisher.Outcome.NotLanded n -> {
        return new Outcome.Failed(slotValue, n.reason());
      }
      case CheckpointPublisher.Outcome.Landed l -> {
        lastProposedSlot = slotValue;
        LOG.info(
            "Proposed checkpoint {} (blocks {}-{}, {} L1-to-L2 messages) in slot {} with {}"
                + " attestations: L1 tx {} (into the slot: {})",
            checkpointNumber,
            blocks.getFirst().number().value(),
            blocks.getLast().number().value(),
            messages.size(),
            slotValue,
            attestations.signatureCount(),
            l.l1TxHash(),
            slotTimeline(slotValue));
        return new Outcome.Proposed(slotValue, checkpointNumber, blocks.size(), l.l1TxHash());
      }
    }
  }

  /**
   * Builds the checkpoint's blocks in the timetable's sub-slots, all at the slot's timestamp. A
   * block that cannot be built (too few txs) ends the loop in the last sub-slot, or waits for the
   * next one; a failing block ends it.
   */
  private List<L2Block> buildBlocks(
      CheckpointBuilder builder, long slot, long timestamp, long firstBlockNumber)
      throws InterruptedException {
    List<L2Block> built = new ArrayList<>();
    while (true) {
      int index = built.size();
      SequencerTimetable.BlockStart start = timetable.canStartNextBlock(secondsIntoSlot(slot));
      if (!start.canStart()) {
        LOG.debug("Slot {}: not enough time left to start block {}", slot, index);
        break;
      }
      boolean forceCreate = start.isLastBlock() && index == 0 && config.buildCheckpointIfEmpty();
      OptionalLong deadlineMillis =
          start.deadline().isPresent()
              ? OptionalLong.of(deadlineMillis(slot, start.deadline().getAsDouble()))
              : OptionalLong.empty();
      Optional<L2Block> block =
          buildBlock(
              builder,
              slot,
              timestamp,
              firstBlockNumber + index,
              index,
              forceCreate,
              deadlineMillis);
      if (block.isEmpty()) {
        if (start.isLastBlock() || start.deadline().isEmpty()) {
          break;
        }
        waitUntilInSlot(slot, start.deadline().getAsDouble());
        continue;
      }
      built.add(block.get());
      if (start.isLastBlock()) {
        break;
      }
      waitUntilInSlot(slot, start.deadline().getAsDouble());
    }
    return built;
  }

  /** One block; empty when there were not enough txs (or it failed, logged). */
  private Optional<L2Block> buildBlock(
      CheckpointBuilder builder,
      long slot,
      long timestamp,
      long blockNumber,
      int index,
      boolean forceCreate,
      OptionalLong deadlineMillis)
      throws InterruptedException {
    // Only the first block of a checkpoint may be empty.
    int minTxs = index > 0 && config.minTxsPerBlock() == 0 ? 1 : config.minTxsPerBlock();
    long startBy =
        deadlineMillis.isPresent()
            ? deadlineMillis.getAsLong() - Math.round(timetable.minExecutionTime() * 1000)
            : Long.MIN_VALUE;
    int available = c.txs().count();
    while (!forceCreate && available < minTxs) {
      if (deadlineMillis.isEmpty() || c.clock().nowMillis() >= startBy) {
        LOG.info(
            "Slot {}: not enough txs for block {} (index {}): {} of {}",
            slot,
            blockNumber,
            index,
            available,
            minTxs);
        return Optional.empty();
      }
      setState(SequencerState.WAITING_FOR_TXS, OptionalLong.of(slot));
      c.sleeper().sleep(TXS_POLLING);
      available = c.txs().count();
    }
    setState(SequencerState.CREATING_BLOCK, OptionalLong.of(slot));
    int minValidTxs = forceCreate ? 0 : minTxs;
    try {
      BuiltBlock b =
          builder.buildBlock(
              c.txs().processor(),
              BlockNumber.of(blockNumber),
              timestamp,
              blockLimits(),
              minValidTxs,
              null);
      LOG.info(
          "Built block {} at checkpoint {} for slot {} with {} txs",
          blockNumber,
          builder.checkpointNumber().value(),
          slot,
          b.processed().size());
      return Optional.of(b.block());
    } catch (InsufficientValidTxsException e) {
      LOG.warn("Slot {}: block {} has too few valid txs: {}", slot, blockNumber, e.getMessage());
      return Optional.empty();
    }
  }

  private BlockLimits blockLimits() {
    CheckpointValidator.Limits l = limits;
    return new BlockLimits(
        l.maxTxsPerBlock() < 0 ? Long.MAX_VALUE : l.maxTxsPerBlock(),
        l.maxL2BlockGas() < 0 ? Long.MAX_VALUE : l.maxL2BlockGas(),
        l.maxDaBlockGas() < 0 ? Long.MAX_VALUE : l.maxDaBlockGas(),
        Long.MAX_VALUE);
  }

  private AttestationCollector.Status collectAttestations(
      long slot,
      ConsensusPayload payload,
      List<EthAddress> committee,
      EthAddress proposer,
      EthSignature proposerSig) {
    double allowed =
        config.enforceTimeTable()
            ? timetable.maxAllowedTime(SequencerState.PUBLISHING_CHECKPOINT).getAsDouble()
            : constants.slotDuration();
    Instant deadline = Instant.ofEpochMilli(deadlineMillis(slot, allowed));
    List<EthAddress> localMembers = c.keys().localInCommittee(committee);
    // Without p2p the only attestations are our own, added just below: the collector is polled
    // once, so its clock only has to read "now".
    AttestationCollector collector =
        new AttestationCollector(
            payload,
            committee,
            proposer,
            localMembers,
            deadline,
            () -> Instant.ofEpochMilli(c.clock().nowMillis()));
    for (CheckpointAttestation a : c.signer().attestAll(localMembers, payload, proposerSig)) {
      collector.add(a);
    }
    return collector.poll();
  }

  /** The out hashes of this epoch's checkpoints before {@code checkpointNumber}, in order. */
  private List<Fr> previousOutHashes(SlotNumber slot, long checkpointNumber) {
    long epochStart = constants.epochStartSlot(constants.epochAtSlot(slot)).value();
    List<Fr> out = new ArrayList<>();
    if (slot.value() == epochStart) {
      return out;
    }
    for (CheckpointData d : c.store().checkpointsForSlotRange(epochStart, slot.value() - 1)) {
      if (d.number() < checkpointNumber) {
        out.add(CheckpointBuilder.checkpointOutHash(c.store().blocksForCheckpoint(d.number())));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Time

  private long slotAt(long timestamp) {
    return constants.slotAtTimestamp(timestamp).value();
  }

  private long timestampForSlot(long slot) {
    return constants.timestampForSlot(SlotNumber.of(slot));
  }

  /** When work on {@code slot} starts: one inclusion delay before the slot. */
  private long buildStart(long slot) {
    return timestampForSlot(slot) - inclusionDelay;
  }

  /** Seconds since the slot's build start, to the millisecond (as the official rounds). */
  private double secondsIntoSlot(long slot) {
    long millis = c.clock().nowMillis() - buildStart(slot) * 1000;
    return millis / 1000.0;
  }

  private long deadlineMillis(long slot, double secondsIntoSlot) {
    return buildStart(slot) * 1000 + Math.round(secondsIntoSlot * 1000);
  }

  private void waitUntilInSlot(long slot, double secondsIntoSlot) throws InterruptedException {
    setState(SequencerState.WAITING_UNTIL_NEXT_BLOCK, OptionalLong.of(slot));
    long wait = deadlineMillis(slot, secondsIntoSlot) - c.clock().nowMillis();
    if (wait > 0) {
      c.sleeper().sleep(Duration.ofMillis(wait));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // States

  /**
   * Moves to {@code next}; for a slot's state, first checks the timetable (throws {@link
   * SequencerTooSlowException}). While stopping only {@link SequencerState#STOPPED} is allowed.
   */
  private void setState(SequencerState next, OptionalLong slot) {
    if (stopRequested) {
      throw new InterruptedSlotException();
    }
    OptionalDouble secondsIntoSlot = OptionalDouble.empty();
    if (slot.isPresent()) {
      double s = secondsIntoSlot(slot.getAsLong());
      secondsIntoSlot = OptionalDouble.of(s);
      timetable.assertTimeLeft(next, s);
    }
    if (next == SequencerState.SYNCHRONIZING) {
      slotTimes.clear();
    } else if (secondsIntoSlot.isPresent()) {
      slotTimes.putIfAbsent(next, secondsIntoSlot.getAsDouble());
    }
    SequencerState previous = state;
    state = next;
    listener.changed(previous, next, slot, secondsIntoSlot);
  }

  /** "state at t s, ..." for the states of the current slot, for the proposal's log line. */
  private String slotTimeline(long slot) {
    StringBuilder b = new StringBuilder();
    slotTimes.forEach(
        (st, t) ->
            b.append(st.name().toLowerCase(java.util.Locale.ROOT))
                .append(' ')
                .append(String.format(java.util.Locale.ROOT, "%.2f", t))
                .append(" s, "));
    return b.append(String.format(java.util.Locale.ROOT, "landed %.2f s", secondsIntoSlot(slot)))
        .toString();
  }

  private void forceState(SequencerState next) {
    SequencerState previous = state;
    state = next;
    listener.changed(previous, next, OptionalLong.empty(), OptionalDouble.empty());
  }

  /** Runs {@link #tick()} every poll interval on a daemon thread. */
  public void start() {
    synchronized (lifecycle) {
      if (executor != null) {
        throw new IllegalStateException("already started");
      }
      forceState(SequencerState.IDLE);
      executor =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "quetzal-sequencer");
                t.setDaemon(true);
                return t;
              });
      executor.scheduleWithFixedDelay(
          this::pass, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }
    LOG.info(
        "Sequencer started: {} block(s) per slot, timetable {}",
        timetable.maxNumberOfBlocks(),
        config.enforceTimeTable() ? "enforced" : "not enforced");
  }

  /** One pass on the loop's thread: {@link #tick()} with its outcome logged. */
  private void pass() {
    try {
      switch (tick()) {
        case Outcome.Skipped sk when !sk.notable() && !sk.reason().startsWith("slot already") ->
            LOG.debug("Slot {}: {}", sk.slot(), sk.reason());
        case Outcome.Failed f -> LOG.warn("Slot {} skipped: {}", f.slot(), f.reason());
        case Outcome.Proposed p -> {
          try {
            onProposed.accept(p.slot());
          } catch (RuntimeException e) {
            LOG.warn("sequencer listener failed", e);
          }
        }
        default -> {}
      }
    } catch (RuntimeException e) {
      LOG.warn("sequencer: {}", e.toString());
    }
  }

  /**
   * What the loop has done since start, for {@code GET /metrics}.
   *
   * @param state the current state
   * @param proposed checkpoints that landed
   * @param failed slots given up after work began (building, attesting or publishing failed)
   * @param tooSlow slots given up past a deadline after work began
   * @param notableSkips slots not proposed for a reason an operator should see (rollup refusal,
   *     slot taken, no committee, nothing built), counted once per slot and reason
   * @param lastProposedCheckpoint the last checkpoint that landed (0 before any)
   * @param lastProposedSlot its slot (0 before any)
   * @param lastPublishSecondsIntoSlot when its propose was handed to the publisher, seconds into
   *     the slot's build time (0 before any)
   */
  public record Stats(
      SequencerState state,
      long proposed,
      long failed,
      long tooSlow,
      long notableSkips,
      long lastProposedCheckpoint,
      long lastProposedSlot,
      double lastPublishSecondsIntoSlot) {}

  private final java.util.concurrent.atomic.AtomicLong proposedCount =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong failedCount =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong tooSlowCount =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong notableCount =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile long lastProposedCheckpoint;
  private volatile double lastPublishSeconds;
  private long lastCountedSlot = -1;
  private String lastCountedReason = "";

  /** A snapshot of {@link Stats}. */
  public Stats stats() {
    return new Stats(
        state,
        proposedCount.get(),
        failedCount.get(),
        tooSlowCount.get(),
        notableCount.get(),
        lastProposedCheckpoint,
        Math.max(lastProposedSlot, 0),
        lastPublishSeconds);
  }

  private void count(Outcome o) {
    switch (o) {
      case Outcome.Proposed p -> {
        proposedCount.incrementAndGet();
        lastProposedCheckpoint = p.checkpoint();
        lastPublishSeconds = slotTimes.getOrDefault(SequencerState.PUBLISHING_CHECKPOINT, 0.0);
      }
      case Outcome.Failed f -> failedCount.incrementAndGet();
      case Outcome.TooSlow t
          when t.state() != SequencerState.PROPOSER_CHECK
              && t.state() != SequencerState.INITIALIZING_CHECKPOINT ->
          tooSlowCount.incrementAndGet();
      case Outcome.Skipped sk when sk.notable() -> {
        // The loop looks every poll interval: warn and count once per slot and reason.
        if (sk.slot() != lastCountedSlot || !sk.reason().equals(lastCountedReason)) {
          lastCountedSlot = sk.slot();
          lastCountedReason = sk.reason();
          notableCount.incrementAndGet();
          LOG.warn("Slot {}: cannot propose: {}", sk.slot(), sk.reason());
        }
      }
      default -> {}
    }
  }

  /** Stops the loop: the pass in progress ends at its next state change or wait. */
  @Override
  public void close() {
    ScheduledExecutorService e;
    synchronized (lifecycle) {
      e = executor;
      executor = null;
    }
    stopRequested = true;
    forceState(SequencerState.STOPPING);
    if (e != null) {
      e.shutdownNow();
      try {
        e.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
    }
    forceState(SequencerState.STOPPED);
  }
}
