package io.quetzal.validatorclient;

import io.quetzal.ethereum.archive.Bytes32;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import io.quetzal.kvstore.Durability;
import io.quetzal.kvstore.KvDatabase;
import io.quetzal.kvstore.KvStore;
import io.quetzal.kvstore.LmdbConfig;
import io.quetzal.kvstore.LmdbKvStore;
import io.quetzal.kvstore.ReadSnapshot;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The persistent record of every payload hash this node's keys signed, one per {@link DutyKey}.
 *
 * <p>{@link #checkAndRecord} is the only way to a signature in this module: in one write
 * transaction it reads the duty's record; a different hash is refused with {@link
 * SlashingProtectionException}; the same hash is accepted again (idempotent re-signing: ECDSA here
 * is deterministic, so it yields the same signature); no record means the hash is written and
 * <b>committed</b> before the method returns, i.e. before any signature exists. A crash after the
 * commit and before the signature leaves a record with no signature, which only costs that duty;
 * the other order could lose a record of a signature that was sent.
 *
 * <p>Key layout (database {@code duties}): {@code rollup(20) ‖ slot(u64 BE) ‖ validator(20) ‖
 * duty(u8) ‖ blockIndex(u32 BE)}, value: the 32-byte hash. The rollup address keeps records of a
 * previous rollup (whose slots restart) from blocking a new one; ordering by slot makes {@link
 * #pruneBefore} a range delete.
 *
 * <p>Thread-safe: the store serializes writers, so two threads racing for one duty get one record.
 */
public final class SlashingProtection implements AutoCloseable {
  /** The LMDB settings: small map, full fsync on each commit. */
  public static final LmdbConfig LMDB =
      new LmdbConfig(1L << 30, 4, 126, Durability.FULL).withWriteMap(false);

  private static final int KEY_SIZE = 20 + 8 + 20 + 1 + 4;

  private final KvStore store;
  private final boolean ownsStore;
  private final KvDatabase duties;
  private final byte[] rollup;

  /**
   * Over {@code store} (not closed by {@link #close()}), for the rollup at {@code rollupAddress}.
   */
  public SlashingProtection(KvStore store, EthAddress rollupAddress) {
    this(store, rollupAddress, false);
  }

  private SlashingProtection(KvStore store, EthAddress rollupAddress, boolean ownsStore) {
    this.store = Objects.requireNonNull(store, "store");
    this.rollup = rollupAddress.toBytes();
    this.ownsStore = ownsStore;
    this.duties = store.database("duties");
  }

  /** Opens (creating if needed) the LMDB store in {@code dir}, e.g. {@code <data>/validator}. */
  public static SlashingProtection open(Path dir, EthAddress rollupAddress) {
    return new SlashingProtection(LmdbKvStore.open(dir, LMDB), rollupAddress, true);
  }

  /**
   * Allows signing {@code messageHash} for {@code duty} and makes that durable, or refuses.
   *
   * @throws SlashingProtectionException when another hash was signed for the duty
   */
  public void checkAndRecord(DutyKey duty, Bytes32 messageHash) {
    Objects.requireNonNull(messageHash, "messageHash");
    byte[] key = key(duty);
    store.write(
        txn -> {
          byte[] existing = txn.get(duties, key);
          if (existing == null) {
            txn.put(duties, key, messageHash.toBytes());
          } else if (!Bytes32.wrap(existing).equals(messageHash)) {
            throw new SlashingProtectionException(duty, Bytes32.wrap(existing), messageHash);
          }
          return null;
        });
  }

  /** The hash recorded for {@code duty}, if any. */
  public Optional<Bytes32> recorded(DutyKey duty) {
    try (ReadSnapshot s = store.snapshot()) {
      byte[] v = s.get(duties, key(duty));
      return v == null ? Optional.empty() : Optional.of(Bytes32.wrap(v));
    }
  }

  /** Every record of this rollup, in (slot, validator, duty, block index) order. */
  public List<Record> records() {
    List<Record> out = new ArrayList<>();
    try (ReadSnapshot s = store.snapshot()) {
      s.forEach(
          duties,
          prefix(0),
          prefix(Long.MAX_VALUE),
          (k, v) -> {
            out.add(new Record(decode(k), Bytes32.wrap(v)));
            return true;
          });
    }
    return out;
  }

  /**
   * Deletes the records of slots before {@code slot} (they can no longer be signed for: proposals
   * and attestations are only valid in their own slot). Returns how many were removed.
   */
  public int pruneBefore(SlotNumber slot) {
    return store.write(
        txn -> {
          List<byte[]> keys = new ArrayList<>();
          txn.forEach(
              duties,
              prefix(0),
              prefix(slot.value()),
              (k, v) -> {
                keys.add(k.clone());
                return true;
              });
          for (byte[] k : keys) {
            txn.delete(duties, k);
          }
          return keys.size();
        });
  }

  @Override
  public void close() {
    if (ownsStore) {
      store.close();
    }
  }

  /** A recorded duty and the hash signed for it. */
  public record Record(DutyKey duty, Bytes32 messageHash) {}

  private byte[] prefix(long slot) {
    return ByteBuffer.allocate(28).put(rollup).putLong(slot).array();
  }

  private byte[] key(DutyKey d) {
    return ByteBuffer.allocate(KEY_SIZE)
        .put(rollup)
        .putLong(d.slot().value())
        .put(d.validator().toBytes())
        .put((byte) d.duty().code())
        .putInt(d.blockIndex())
        .array();
  }

  private static DutyKey decode(byte[] k) {
    ByteBuffer b = ByteBuffer.wrap(k);
    b.position(20);
    long slot = b.getLong();
    byte[] validator = new byte[20];
    b.get(validator);
    Duty duty = Duty.fromCode(b.get() & 0xff);
    int index = b.getInt();
    return new DutyKey(EthAddress.fromBytes(validator), SlotNumber.of(slot), duty, index);
  }
}
