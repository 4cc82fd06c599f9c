package io.quetzal.kvstore;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-memory twin of {@link LmdbKvStore}, for tests: same contract, nothing on disk.
 *
 * <p>Multi-version concurrency: every key holds a chain of (commit version, value or deletion),
 * newest first, in a concurrent skip list per database. A snapshot reads, for each key, the newest
 * version not newer than the commit it was opened at; the writer buffers its changes in sorted
 * overlays and publishes them under the next version number when the work returns. Versions no open
 * snapshot can see are trimmed after each commit.
 */
public final class InMemoryKvStore implements KvStore {
  private static final Comparator<byte[]> ORDER = Arrays::compareUnsigned;
  private static final byte[] TOMBSTONE = new byte[0];

  private record Version(long version, byte[] value, Version older) {}

  private record MemDb(
      String name,
      ConcurrentSkipListMap<byte[], AtomicReference<Version>> map,
      InMemoryKvStore owner,
      long generation)
      implements KvDatabase {}

  private final Map<String, MemDb> dbs = new ConcurrentHashMap<>();
  private final ReentrantLock writer = new ReentrantLock();
  private final Object snapshotLock = new Object();
  private final TreeMap<Long, Integer> openVersions = new TreeMap<>();
  private final Map<MemDb, List<byte[]>> untrimmed = new HashMap<>();
  private final AtomicLong generations = new AtomicLong();
  private volatile long committed;
  private volatile boolean closed;

  /** A new, empty store. */
  public InMemoryKvStore() {}

  private void checkOpen() {
    if (closed) {
      throw new KvStoreException("in-memory store is closed");
    }
  }

  private MemDb mem(KvDatabase db) {
    if (db instanceof MemDb m && m.owner == this) {
      return m;
    }
    throw new IllegalArgumentException("database " + db.name() + " belongs to another store");
  }

  @Override
  public KvDatabase database(String name) {
    checkOpen();
    return dbs.computeIfAbsent(
        name,
        n -> new MemDb(n, new ConcurrentSkipListMap<>(ORDER), this, generations.incrementAndGet()));
  }

  @Override
  public ReadSnapshot snapshot() {
    checkOpen();
    synchronized (snapshotLock) {
      long v = committed;
      openVersions.merge(v, 1, Integer::sum);
      return new Snapshot(v, generations.get());
    }
  }

  private void release(long version) {
    synchronized (snapshotLock) {
      openVersions.computeIfPresent(version, (k, n) -> n == 1 ? null : n - 1);
    }
  }

  @Override
  public <T> T write(WriteWork<T> work) {
    checkOpen();
    if (writer.isHeldByCurrentThread()) {
      throw new IllegalStateException("nested write transaction");
    }
    writer.lock();
    try {
      checkOpen();
      Writer w = new Writer(committed, generations.get());
      T result;
      try {
        result = work.apply(w);
      } finally {
        w.done = true;
      }
      publish(w);
      return result;
    } finally {
      writer.unlock();
    }
  }

  private void publish(Writer w) {
    long version = committed + 1;
    for (Map.Entry<MemDb, TreeMap<byte[], byte[]>> e : w.overlays.entrySet()) {
      MemDb db = e.getKey();
      for (Map.Entry<byte[], byte[]> kv : e.getValue().entrySet()) {
        byte[] value = kv.getValue() == TOMBSTONE ? null : kv.getValue();
        AtomicReference<Version> ref =
            db.map.computeIfAbsent(kv.getKey(), k -> new AtomicReference<>());
        ref.set(new Version(version, value, ref.get()));
        untrimmed.computeIfAbsent(db, d -> new ArrayList<>()).add(kv.getKey());
      }
    }
    committed = version;
    trim();
  }

  /** Drops versions no snapshot can see any more (called by the writer after each commit). */
  private void trim() {
    long oldestVisible;
    synchronized (snapshotLock) {
      oldestVisible = openVersions.isEmpty() ? committed : openVersions.firstKey();
    }
    for (Map.Entry<MemDb, List<byte[]>> e : untrimmed.entrySet()) {
      MemDb db = e.getKey();
      List<byte[]> keep = new ArrayList<>();
      for (byte[] key : e.getValue()) {
        AtomicReference<Version> ref = db.map.get(key);
        if (ref == null) {
          continue;
        }
        Version trimmed = trimChain(ref.get(), oldestVisible);
        if (trimmed == null) {
          db.map.remove(key, ref);
        } else {
          ref.set(trimmed);
          if (trimmed.older != null || trimmed.version > oldestVisible) {
            keep.add(key);
          }
        }
      }
      e.setValue(keep);
    }
    untrimmed.values().removeIf(List::isEmpty);
  }

  /** The chain without versions hidden by a newer one that every snapshot sees; null if empty. */
  private static Version trimChain(Version head, long oldestVisible) {
    if (head == null) {
      return null;
    }
    if (head.version <= oldestVisible) {
      return head.value == null ? null : new Version(head.version, head.value, null);
    }
    Version rest = trimChain(head.older, oldestVisible);
    return rest == head.older ? head : new Version(head.version, head.value, rest);
  }

  @Override
  public long sizeOnDiskBytes() {
    return 0;
  }

  @Override
  public void close() {
    writer.lock();
    try {
      synchronized (snapshotLock) {
        if (closed) {
          return;
        }
        if (!openVersions.isEmpty()) {
          throw new KvStoreException(
              "cannot close the in-memory store: "
                  + openVersions.values().stream().mapToInt(Integer::intValue).sum()
                  + " snapshot(s) still open");
        }
        closed = true;
      }
    } finally {
      writer.unlock();
    }
  }

  // -----------------------------------------------------------------------------------------------
  // Reading

  private static byte[] visible(AtomicReference<Version> ref, long at) {
    for (Version v = ref.get(); v != null; v = v.older) {
      if (v.version <= at) {
        return v.value;
      }
    }
    return null;
  }

  /** Navigation over one ordered source; entries with a TOMBSTONE value hide lower sources. */
  private interface Source {
    Map.Entry<byte[], byte[]> ceiling(byte[] key, boolean inclusive);

    Map.Entry<byte[], byte[]> floor(byte[] key, boolean inclusive);

    Map.Entry<byte[], byte[]> first();

    Map.Entry<byte[], byte[]> last();
  }

  /** The committed state of one database at one version. */
  private record Committed(MemDb db, long at) implements Source {
    private Map.Entry<byte[], byte[]> up(Map.Entry<byte[], AtomicReference<Version>> e) {
      while (e != null) {
        byte[] v = visible(e.getValue(), at);
        if (v != null) {
          return new AbstractMap.SimpleImmutableEntry<>(e.getKey(), v);
        }
        e = db.map.higherEntry(e.getKey());
      }
      return null;
    }

    private Map.Entry<byte[], byte[]> down(Map.Entry<byte[], AtomicReference<Version>> e) {
      while (e != null) {
        byte[] v = visible(e.getValue(), at);
        if (v != null) {
          return new AbstractMap.SimpleImmutableEntry<>(e.getKey(), v);
        }
        e = db.map.lowerEntry(e.getKey());
      }
      return null;
    }

    @Override
    public Map.Entry<byte[], byte[]> ceiling(byte[] key, boolean inclusive) {
      return up(inclusive ? db.map.ceilingEntry(key) : db.map.higherEntry(key));
    }

    @Override
    public Map.Entry<byte[], byte[]> floor(byte[] key, boolean inclusive) {
      return down(inclusive ? db.map.floorEntry(key) : db.map.lowerEntry(key));
    }

    @Override
    public Map.Entry<byte[], byte[]> first() {
      return up(db.map.firstEntry());
    }

    @Override
    public Map.Entry<byte[], byte[]> last() {
      return down(db.map.lastEntry());
    }

    byte[] get(byte[] key) {
      AtomicReference<Version> ref = db.map.get(key);
      return ref == null ? null : visible(ref, at);
    }
  }

  /** A write transaction's own changes layered over the committed state. */
  private record Layered(TreeMap<byte[], byte[]> overlay, Committed base) implements Source {
    @Override
    public Map.Entry<byte[], byte[]> ceiling(byte[] key, boolean inclusive) {
      while (true) {
        Map.Entry<byte[], byte[]> a =
            inclusive ? overlay.ceilingEntry(key) : overlay.higherEntry(key);
        Map.Entry<byte[], byte[]> b = base.ceiling(key, inclusive);
        if (a == null) {
          return b;
        }
        if (b == null || ORDER.compare(a.getKey(), b.getKey()) <= 0) {
          if (a.getValue() != TOMBSTONE) {
            return a;
          }
          key = a.getKey();
          inclusive = false;
          continue;
        }
        return b;
      }
    }

    @Override
    public Map.Entry<byte[], byte[]> floor(byte[] key, boolean inclusive) {
      while (true) {
        Map.Entry<byte[], byte[]> a = inclusive ? overlay.floorEntry(key) : overlay.lowerEntry(key);
        Map.Entry<byte[], byte[]> b = base.floor(key, inclusive);
        if (a == null) {
          return b;
        }
        if (b == null || ORDER.compare(a.getKey(), b.getKey()) >= 0) {
          if (a.getValue() != TOMBSTONE) {
            return a;
          }
          key = a.getKey();
          inclusive = false;
          continue;
        }
        return b;
      }
    }

    @Override
    public Map.Entry<byte[], byte[]> first() {
      Map.Entry<byte[], byte[]> a = overlay.isEmpty() ? null : overlay.firstEntry();
      Map.Entry<byte[], byte[]> b = base.first();
      if (a == null) {
        return b;
      }
      if (b == null) {
        return ceiling(a.getKey(), true);
      }
      return ceiling(ORDER.compare(a.getKey(), b.getKey()) <= 0 ? a.getKey() : b.getKey(), true);
    }

    @Override
    public Map.Entry<byte[], byte[]> last() {
      Map.Entry<byte[], byte[]> a = overlay.isEmpty() ? null : overlay.lastEntry();
      Map.Entry<byte[], byte[]> b = base.last();
      if (a == null) {
        return b;
      }
      if (b == null) {
        return floor(a.getKey(), true);
      }
      return floor(ORDER.compare(a.getKey(), b.getKey()) >= 0 ? a.getKey() : b.getKey(), true);
    }
  }

  private abstract class Reader implements KvReader {
    final long generation;

    Reader(long generation) {
      this.generation = generation;
    }

    abstract void checkUsable();

    MemDb usable(KvDatabase db) {
      MemDb m = mem(db);
      if (m.generation > generation) {
        throw new KvStoreException(
            "database " + m.name + " was opened after this snapshot or transaction began");
      }
      return m;
    }

    abstract Source source(MemDb db);

    @Override
    public KvCursor cursor(KvDatabase db) {
      checkUsable();
      return new MemCursor(source(usable(db)), this);
    }
  }

  private final class Snapshot extends Reader implements ReadSnapshot {
    private final long at;
    private boolean done;

    Snapshot(long at, long generation) {
      super(generation);
      this.at = at;
    }

    @Override
    void checkUsable() {
      if (done) {
        throw new IllegalStateException("snapshot is closed");
      }
    }

    @Override
    Source source(MemDb db) {
      return new Committed(db, at);
    }

    @Override
    public byte[] get(KvDatabase db, byte[] key) {
      checkUsable();
      return new Committed(usable(db), at).get(Keys.check(key));
    }

    @Override
    public void close() {
      if (!done) {
        done = true;
        release(at);
      }
    }
  }

  private final class Writer extends Reader implements WriteTxn {
    private final long at;
    private final Map<MemDb, TreeMap<byte[], byte[]>> overlays = new HashMap<>();
    boolean done;

    Writer(long at, long generation) {
      super(generation);
      this.at = at;
    }

    @Override
    void checkUsable() {
      if (done) {
        throw new IllegalStateException("write transaction is finished");
      }
    }

    private TreeMap<byte[], byte[]> overlay(MemDb db) {
      return overlays.computeIfAbsent(db, d -> new TreeMap<>(ORDER));
    }

    @Override
    Source source(MemDb db) {
      return new Layered(overlay(db), new Committed(db, at));
    }

    @Override
    public byte[] get(KvDatabase db, byte[] key) {
      checkUsable();
      MemDb m = usable(db);
      Keys.check(key);
      TreeMap<byte[], byte[]> o = overlays.get(m);
      byte[] v = o == null ? null : o.get(key);
      if (v != null) {
        return v == TOMBSTONE ? null : v;
      }
      return new Committed(m, at).get(key);
    }

    @Override
    public void put(KvDatabase db, byte[] key, byte[] value) {
      checkUsable();
      MemDb m = usable(db);
      byte[] v = Keys.checkValue(value).length == 0 ? new byte[0] : value.clone();
      overlay(m).put(Keys.check(key).clone(), v);
    }

    @Override
    public boolean delete(KvDatabase db, byte[] key) {
      checkUsable();
      boolean present = get(db, key) != null;
      if (present) {
        overlay(usable(db)).put(key.clone(), TOMBSTONE);
      }
      return present;
    }
  }

  private static final class MemCursor implements KvCursor {
    private final Source source;
    private final Reader reader;
    private Map.Entry<byte[], byte[]> current;
    private boolean closed;

    MemCursor(Source source, Reader reader) {
      this.source = source;
      this.reader = reader;
    }

    private boolean at(Map.Entry<byte[], byte[]> e) {
      current = e;
      return e != null;
    }

    private void check() {
      if (closed) {
        throw new IllegalStateException("cursor is closed");
      }
      reader.checkUsable();
    }

    private Map.Entry<byte[], byte[]> positioned() {
      check();
      if (current == null) {
        throw new IllegalStateException("cursor is not on an entry");
      }
      return current;
    }

    @Override
    public boolean seekCeiling(byte[] key) {
      check();
      return at(source.ceiling(Keys.check(key), true));
    }

    @Override
    public boolean seekFloor(byte[] key) {
      check();
      return at(source.floor(Keys.check(key), true));
    }

    @Override
    public boolean first() {
      check();
      return at(source.first());
    }

    @Override
    public boolean last() {
      check();
      return at(source.last());
    }

    @Override
    public boolean next() {
      return at(source.ceiling(positioned().getKey(), false));
    }

    @Override
    public boolean prev() {
      return at(source.floor(positioned().getKey(), false));
    }

    @Override
    public byte[] key() {
      return positioned().getKey();
    }

    @Override
    public byte[] value() {
      return positioned().getValue();
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
