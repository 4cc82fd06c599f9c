package io.quetzal.sequencerclient;

import static org.assertj.core.api.Assertions.assertThat;

import io.quetzal.archiver.store.ArchiverStore;
import io.quetzal.blockbuilder.CheckpointValidator;
import io.quetzal.blockbuilder.TxProcessor;
import io.quetzal.epochcache.CommitteeSource;
import io.quetzal.epochcache.EpochCache;
import io.quetzal.epochcache.L1RollupConstants;
import io.quetzal.epochcache.TimeSource;
import io.quetzal.ethereum.rpc.Sleeper;
import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import io.quetzal.kvstore.InMemoryKvStore;
import io.quetzal.sequencerclient.publisher.ProposeRequest;
import io.quetzal.stdlib.Constants;
import io.quetzal.validatorclient.SlashingProtection;
import io.quetzal.validatorclient.ValidatorKeyStore;
import io.quetzal.validatorclient.ValidatorSigner;
import io.quetzal.worldstate.WorldState;
import io.quetzal.worldstate.WorldStateConfig;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slot loop on a manual clock (no real sleeps, no L1): every state in order with its time into
 * the slot, the timetable's deadlines giving a slot up, waiting for txs and for sub-slots, the
 * sync, proposer and {@code canProposeAtTime} checks that stop a slot before anything is built, and
 * one pass per slot. Blocks and checkpoints are built for real on an in-memory world state, and
 * signed with slashing protection on.
 *
 * <p>L1 constants: 36 s slots, 12 s L1 slots, 4-slot epochs. The loop works on the slot of the next
 * L1 block, so slot {@code S}'s build start is 12 s before {@code S} begins; timetable (official
 * figures, see {@code SequencerTimetableTest}): proposer check by 14 s, blocks by 15 s,
 * attestations by 20 s, publishing by 24 s, a single block's deadline at {@code (19 + t) / 2}.
 */
class SequencerSlotLoopTest {
  private static final long GENESIS = 1_800_000_000L;
  private static final long SLOT = 36;
  private static final long ETH_SLOT = 12;
  private static final L1RollupConstants CONSTANTS =
      new L1RollupConstants(1, GENESIS, SLOT, 4, ETH_SLOT, 1, 4, 2, 2, 1_000_000_000L);
  private static final EthAddress ROLLUP =
      EthAddress.fromString("0x1111111111111111111111111111111111111111");
  private static final long S = 100;

  @TempDir Path tmp;

  private final ManualTime time = new ManualTime();
  private final List<Secp256k1PrivateKey> keys =
      IntStream.range(0, 4)
          .mapToObj(i -> Secp256k1PrivateKey.random(new SecureRandom(new byte[] {(byte) i})))
          .toList();
  private final List<Transition> transitions = new ArrayList<>();
  private final List<ProposeRequest> published = new ArrayList<>();
  private SlashingProtection protection;
  private WorldState worldState;
  private ArchiverStore store;
  private FakeRollup rollup;
  private long archiverL1Timestamp;
  private int pendingTxs;

  record Transition(SequencerState state, OptionalDouble secondsIntoSlot) {}

  @BeforeEach
  void setUp() {
    protection = SlashingProtection.open(tmp.resolve("validator"), ROLLUP);
    worldState = WorldState.open(new InMemoryKvStore(), WorldStateConfig.defaults(), List.of());
    store = new ArchiverStore(new InMemoryKvStore(), Constants.GENESIS_BLOCK_HEADER_HASH);
    rollup = new FakeRollup();
  }

  @AfterEach
  void tearDown() {
    worldState.close();
    protection.close();
  }

  /** Build start of slot S plus {@code seconds}. */
  private void at(double seconds) {
    long start = (GENESIS + S * SLOT - ETH_SLOT) * 1000;
    time.set(start + Math.round(seconds * 1000));
    // The archiver has processed L1 up to now.
    archiverL1Timestamp = time.millis / 1000;
  }

  private double secondsIntoSlot() {
    return (time.millis - (GENESIS + S * SLOT - ETH_SLOT) * 1000) / 1000.0;
  }

  private static Sequencer.Config config(
      int minTxs, boolean ifEmpty, boolean enforce, OptionalLong blockDurationMs) {
    return new Sequencer.Config(
        Duration.ofMillis(500),
        minTxs,
        ifEmpty,
        enforce,
        blockDurationMs,
        OptionalLong.empty(),
        OptionalDouble.empty(),
        CheckpointValidator.Limits.NONE,
        false);
  }

  private EpochCache epochCache() {
    List<EthAddress> committee = keys.stream().map(Secp256k1PrivateKey::address).toList();
    CommitteeSource source =
        new CommitteeSource() {
          @Override
          public Optional<List<EthAddress>> committeeAt(long timestamp) {
            return Optional.of(committee);
          }

          @Override
          public BigInteger sampleSeedAt(long timestamp) {
            return BigInteger.valueOf(42);
          }

          @Override
          public long latestL1Timestamp() {
            return time.millis / 1000;
          }
        };
    return new EpochCache(CONSTANTS, source, time);
  }

  private Sequencer sequencer(Sequencer.Config config, List<Secp256k1PrivateKey> ours) {
    EpochCache epochCache = epochCache();
    ValidatorKeyStore keyStore = new ValidatorKeyStore(ours, Optional.empty(), Optional.empty());
    Sequencer s =
        new Sequencer(
            config,
            new Sequencer.Collaborators(
                epochCache,
                rollup,
                store,
                () -> OptionalLong.of(archiverL1Timestamp),
                worldState,
                keyStore,
                new ValidatorSigner(keyStore, protection),
                (request, slot) -> {
                  published.add(request);
                  return new CheckpointPublisher.Outcome.Landed("0xfeed");
                },
                new PendingTxs() {
                  @Override
                  public int count() {
                    return pendingTxs;
                  }

                  @Override
                  public TxProcessor processor() {
                    return TxProcessor.preprocessed(List.of());
                  }
                },
                time,
                time,
                31337,
                1));
    s.onStateChange((from, to, slot, secs) -> transitions.add(new Transition(to, secs)));
    return s;
  }

  private List<SequencerState> states() {
    return transitions.stream().map(Transition::state).toList();
  }

  private double timeOf(SequencerState state) {
    return transitions.stream()
        .filter(t -> t.state() == state)
        .findFirst()
        .orElseThrow()
        .secondsIntoSlot()
        .orElseThrow();
  }

  @Test
  void proposesThroughEveryStateInOrderWithinItsDeadlines() {
    at(0.5);
    Sequencer seq = sequencer(config(1, true, true, OptionalLong.empty()), keys);

    Sequencer.Outcome o = seq.tick();

    assertThat(o).isEqualTo(new Sequencer.Outcome.Proposed(S, 1, 1, "0xfeed"));
    assertThat(states())
        .containsExactly(
            SequencerState.SYNCHRONIZING,
            SequencerState.PROPOSER_CHECK,
            SequencerState.INITIALIZING_CHECKPOINT,
            SequencerState.CREATING_BLOCK,
            SequencerState.ASSEMBLING_CHECKPOINT,
            SequencerState.COLLECTING_ATTESTATIONS,
            SequencerState.PUBLISHING_CHECKPOINT,
            SequencerState.IDLE);
    assertThat(timeOf(SequencerState.PROPOSER_CHECK)).isEqualTo(0.5);
    assertThat(published).hasSize(1);
    ProposeRequest r = published.getFirst();
    assertThat(r.call().header().slotNumber()).isEqualTo(SlotNumber.of(S));
    // All four members are ours and attest; the packing keeps the quorum, floor(2 × 4 / 3) + 1.
    assertThat(r.call().signers()).hasSize(3);
    // No send past the slot's last L1 block: build start + one L2 slot.
    assertThat(r.txTimeoutAt())
        .contains(Instant.ofEpochSecond(GENESIS + S * SLOT - ETH_SLOT + SLOT));
    assertThat(rollup.asked).containsExactly(new Asked(GENESIS + S * SLOT, 1));
    Sequencer.Stats stats = seq.stats();
    assertThat(stats.proposed()).isEqualTo(1);
    assertThat(stats.lastProposedCheckpoint()).isEqualTo(1);
    assertThat(stats.lastProposedSlot()).isEqualTo(S);
    assertThat(stats.lastPublishSecondsIntoSlot()).isEqualTo(0.5);
    assertThat(stats.state()).isEqualTo(SequencerState.IDLE);
  }

  @Test
  void pastTheInitializeDeadlineTheSlotIsGivenUpBeforeAnythingIsBuilt() {
    at(14.5);
    Sequencer seq = sequencer(config(1, true, true, OptionalLong.empty()), keys);

    Sequencer.Outcome o = seq.tick();

    assertThat(o)
        .isEqualTo(new Sequencer.Outcome.TooSlow(S, SequencerState.PROPOSER_CHECK, 14.0, 14.5));
    assertThat(states()).containsExactly(SequencerState.SYNCHRONIZING, SequencerState.IDLE);
    assertThat(published).isEmpty();
  }

  @Test
  void withoutTheTimetableALateSlotIsStillProposed() {
    at(30);
    Sequencer seq = sequencer(config(1, true, false, OptionalLong.empty()), keys);

    assertThat(seq.tick()).isInstanceOf(Sequencer.Outcome.Proposed.class);
    assertThat(published).hasSize(1);
  }

  @Test
  void withoutTxsItWaitsForThemUntilTheBlockMustStartThenBuildsNothing() {
    at(0.5);
    Sequencer seq = sequencer(config(1, false, true, OptionalLong.empty()), keys);

    Sequencer.Outcome o = seq.tick();

    assertThat(o).isInstanceOf(Sequencer.Outcome.Skipped.class);
    assertThat(((Sequencer.Outcome.Skipped) o).reason()).contains("no blocks were built");
    // Deadline (19 + 0.5) / 2 = 9.75 s; a block must start 2 s (min execution) before it.
    // Polling every 500 ms from 0.5 s: the first look at or after 7.75 s is at 8.0 s.
    assertThat(secondsIntoSlot()).isEqualTo(8.0);
    assertThat(states()).contains(SequencerState.WAITING_FOR_TXS);
    assertThat(states()).doesNotContain(SequencerState.CREATING_BLOCK);
    assertThat(published).isEmpty();
  }

  @Test
  void txsArrivingWhileWaitingStartTheBlock() {
    at(0.5);
    Sequencer seq = sequencer(config(1, false, true, OptionalLong.empty()), keys);
    time.onSleep(() -> pendingTxs = secondsIntoSlot() >= 3 ? 1 : 0);

    Sequencer.Outcome o = seq.tick();

    // The tx is counted but executes to nothing valid: the block is not built.
    assertThat(o).isInstanceOf(Sequencer.Outcome.Skipped.class);
    assertThat(timeOf(SequencerState.CREATING_BLOCK)).isEqualTo(3.0);
    assertThat(published).isEmpty();
  }

  @Test
  void severalBlocksPerSlotUseTheSubSlots() {
    // 4 s blocks: reserved at the end 4 + 17 s, so (36 - 1 - 21) / 4 = 3 sub-slots ending at 5, 9
    // and 13 s. The first block may be empty; later ones need a tx, which never comes.
    at(0.5);
    Sequencer seq = sequencer(config(0, false, true, OptionalLong.of(4000)), keys);
    assertThat(seq.timetable().maxNumberOfBlocks()).isEqualTo(3);

    Sequencer.Outcome o = seq.tick();

    assertThat(o).isEqualTo(new Sequencer.Outcome.Proposed(S, 1, 1, "0xfeed"));
    assertThat(timeOf(SequencerState.CREATING_BLOCK)).isEqualTo(0.5);
    assertThat(timeOf(SequencerState.WAITING_UNTIL_NEXT_BLOCK)).isEqualTo(0.5);
    // Sub-slot 2 (ends at 9 s) waits for a tx until 7 s, then waits for sub-slot 3 (ends at 13 s),
    // which waits until 11 s and is the last: the checkpoint is assembled then.
    assertThat(timeOf(SequencerState.ASSEMBLING_CHECKPOINT)).isEqualTo(11.0);
    assertThat(states().stream().filter(s -> s == SequencerState.CREATING_BLOCK)).hasSize(1);
  }

  @Test
  void aSlowAssemblyMissesThePublishingDeadline() {
    at(0.5);
    Sequencer seq = sequencer(config(1, true, true, OptionalLong.empty()), keys);
    Consumer<SequencerState> slowAttestations =
        s -> {
          if (s == SequencerState.COLLECTING_ATTESTATIONS) {
            time.advance(25_000);
          }
        };
    seq.onStateChange(
        (from, to, slot, secs) -> {
          transitions.add(new Transition(to, secs));
          slowAttestations.accept(to);
        });

    Sequencer.Outcome o = seq.tick();

    assertThat(o)
        .isEqualTo(
            new Sequencer.Outcome.TooSlow(S, SequencerState.PUBLISHING_CHECKPOINT, 24.0, 25.5));
    assertThat(published).isEmpty();
    assertThat(seq.stats().tooSlow()).isEqualTo(1);
    assertThat(seq.stats().proposed()).isZero();
  }

  @Test
  void aSlotIsWorkedOnOnce() {
    at(0.5);
    Sequencer seq = sequencer(config(1, true, true, OptionalLong.empty()), keys);
    assertThat(seq.tick()).isInstanceOf(Sequencer.Outcome.Proposed.class);
    time.advance(500);

    assertThat(seq.tick()).isEqualTo(new Sequencer.Outcome.Skipped(S, "slot already handled"));
    assertThat(published).hasSize(1);
  }

  @Test
  void notOurSlotStopsAtTheProposerCheck() {
    at(0.5);
    EthAddress proposer = epochCache().proposerInSlot(SlotNumber.of(S)).orElseThrow();
    List<Secp256k1PrivateKey> others =
        keys.stream().filter(k -> !k.address().equals(proposer)).toList();
    Sequencer seq = sequencer(config(1, true, true, OptionalLong.empty()), others);

    Sequencer.Outcome o = seq.tick();

    assertThat(o)
        .isEqualTo(new Sequencer.Outcome.Skipped(S, "not our slot (proposer " + proposer + ")"));
    assertThat(states())
        .containsExactly(
            SequencerState.SYNCHRONIZING, SequencerState.PROPOSER_CHECK, SequencerState.IDLE);
    assertThat(published).isEmpty();
  }

  @Test
  void aRefusalOfTheRollupStopsTheSlotBeforeBuilding() {
    at(0.5);
    rollup.refusal = Optional.of("Rollup__InvalidArchive(0x01, 0x02)");
    Sequencer seq = sequencer(config(1, true, true, OptionalLong.empty()), keys);

    Sequencer.Outcome o = seq.tick();

    assertThat(o)
        .isEqualTo(
            new Sequencer.Outcome.Skipped(
                S, "the rollup refuses a proposal now: Rollup__InvalidArchive(0x01, 0x02)", true));
    assertThat(states()).doesNotContain(SequencerState.INITIALIZING_CHECKPOINT);
    // Warned once per slot and reason, however often the loop looks.
    time.advance(500);
    seq.tick();
    assertThat(seq.stats().notableSkips()).isEqualTo(1);
    // Not marked as handled: the next pass in the slot tries again.
    rollup.refusal = Optional.empty();
    time.advance(500);
    assertThat(seq.tick()).isInstanceOf(Sequencer.Outcome.Proposed.class);
  }

  @Test
  void aCheckpointNumberMismatchWithTheRollupStopsTheSlot() {
    at(0.5);
    rollup.pending = 3; // L1 has checkpoints this node has not synced
    Sequencer seq = sequencer(config(1, true, true, OptionalLong.empty()), keys);

    Sequencer.Outcome o = seq.tick();

    assertThat(((Sequencer.Outcome.Skipped) o).reason())
        .isEqualTo(
            "checkpoint mismatch with the rollup (archiver still syncing?): expected 1, rollup 4");
    assertThat(published).isEmpty();
  }

  @Test
  void anArchiverBehindL1StopsTheSlotAtTheSyncCheck() {
    at(0.5);
    archiverL1Timestamp -= 2 * SLOT; // processed L1 only up to two slots ago
    Sequencer seq = sequencer(config(1, true, true, OptionalLong.empty()), keys);

    Sequencer.Outcome o = seq.tick();

    assertThat(((Sequencer.Outcome.Skipped) o).reason())
        .startsWith("not in sync: the archiver has synced L1 up to L2 slot");
    assertThat(states()).containsExactly(SequencerState.SYNCHRONIZING, SequencerState.IDLE);
  }

  @Test
  void stoppingEndsAPassAtItsNextStateChange() {
    at(0.5);
    Sequencer seq = sequencer(config(1, false, true, OptionalLong.empty()), keys);
    time.onSleep(seq::close);

    Sequencer.Outcome o = seq.tick();

    assertThat(o).isEqualTo(new Sequencer.Outcome.Failed(S, "the sequencer is stopping"));
    assertThat(seq.state()).isEqualTo(SequencerState.STOPPED);
    assertThat(published).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------

  record Asked(long timestamp, long expectedCheckpoint) {}

  /** L1 as the tests need it: {@code canProposeAtTime} from the timestamp's slot. */
  final class FakeRollup implements RollupView {
    long pending;
    Optional<String> refusal = Optional.empty();
    final List<Asked> asked = new ArrayList<>();

    @Override
    public long latestL1BlockTimestamp() {
      // L1 blocks every 12 s from genesis; the latest at or before now.
      long now = time.millis / 1000;
      return now - Math.floorMod(now - GENESIS, ETH_SLOT);
    }

    @Override
    public BigInteger manaMinFeeAt(long timestamp) {
      return BigInteger.valueOf(1_000);
    }

    @Override
    public ProposeCheck canProposeAtTime(long timestamp, Fr archive, EthAddress who) {
      asked.add(new Asked(timestamp, pending + 1));
      if (refusal.isPresent()) {
        return new ProposeCheck.Refused(refusal.get());
      }
      return new ProposeCheck.Allowed((timestamp - GENESIS) / SLOT, pending + 1);
    }
  }

  /** A clock that moves only when set, advanced, or slept on. */
  static final class ManualTime implements TimeSource, Sleeper {
    long millis;
    private Runnable onSleep = () -> {};

    void set(long m) {
      millis = m;
    }

    void advance(long m) {
      millis += m;
    }

    void onSleep(Runnable r) {
      onSleep = r;
    }

    @Override
    public long nowMillis() {
      return millis;
    }

    @Override
    public void sleep(Duration d) {
      millis += d.toMillis();
      onSleep.run();
    }
  }
}
