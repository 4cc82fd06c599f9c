package io.quetzal.node.archiver;

import io.quetzal.archiver.store.ArchiverStore;
import io.quetzal.foundation.field.Fr;
import io.quetzal.node.L2Tips;
import io.quetzal.node.api.BlockSource;
import io.quetzal.node.api.L1ToL2MessageSource;
import io.quetzal.stdlib.block.BlockHeader;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The node's view of the chain when it runs an archiver: every answer comes from the archiver's
 * store (committed snapshots, so request threads never wait for the synchronizer). The tips, which
 * clients poll hard and which take several reads to assemble, are reused for {@link
 * #TIPS_TTL_NANOS} (the archiver writes at most every poll interval, 500 ms). Thread-safe.
 */
public final class ArchiverBlockSource implements BlockSource, L1ToL2MessageSource {
  /** How long assembled tips are reused: 20 ms. */
  static final long TIPS_TTL_NANOS = 20_000_000L;

  private record CachedTips(L2Tips tips, long atNanos) {}

  private final ArchiverStore store;
  private volatile CachedTips cached;

  public ArchiverBlockSource(ArchiverStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** The store. */
  public ArchiverStore store() {
    return store;
  }

  @Override
  public long getBlockNumber() {
    return store.latestBlockNumber();
  }

  @Override
  public long getProvenBlockNumber() {
    return store.provenBlockNumber();
  }

  @Override
  public long getCheckpointedBlockNumber() {
    return store.checkpointedBlockNumber();
  }

  @Override
  public long getCheckpointNumber() {
    return store.latestCheckpointNumber();
  }

  @Override
  public L2Tips getL2Tips() {
    long now = System.nanoTime();
    CachedTips c = cached;
    if (c != null && now - c.atNanos() < TIPS_TTL_NANOS) {
      return c.tips();
    }
    L2Tips fresh = readTips();
    cached = new CachedTips(fresh, now);
    return fresh;
  }

  private L2Tips readTips() {
    io.quetzal.archiver.store.L2Tips t = store.tips();
    return new L2Tips(
        new L2Tips.BlockId(t.proposed().number(), t.proposed().hash()),
        tip(t.checkpointed()),
        tip(t.proven()),
        tip(t.finalized()));
  }

  private static L2Tips.TipId tip(io.quetzal.archiver.store.L2Tips.Tip t) {
    return new L2Tips.TipId(
        new L2Tips.BlockId(t.block().number(), t.block().hash()),
        new L2Tips.CheckpointId(t.checkpoint().number(), t.checkpoint().hash()));
  }

  @Override
  public Optional<BlockHeader> getBlockHeader(long number) {
    return number < 1 ? Optional.empty() : Optional.ofNullable(store.blockHeader(number));
  }

  @Override
  public Optional<BlockHeader> getBlockHeaderByHash(Fr blockHash) {
    return Optional.ofNullable(store.blockHeaderByHash(blockHash));
  }

  @Override
  public OptionalLong getBlockNumberByHash(Fr blockHash) {
    Long n = store.blockNumberByHash(blockHash);
    return n == null ? OptionalLong.empty() : OptionalLong.of(n);
  }

  @Override
  public OptionalLong getL1ToL2MessageIndex(Fr message) {
    Long i = store.l1ToL2MessageIndex(message);
    return i == null ? OptionalLong.empty() : OptionalLong.of(i);
  }
}
