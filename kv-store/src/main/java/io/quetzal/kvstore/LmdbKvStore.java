package io.quetzal.kvstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.GetOp;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;

/**
 * A {@link KvStore} on one LMDB environment (lmdbjava, byte-array proxy, so no JVM flags are
 * needed). The environment lives in a directory ({@code data.mdb}, {@code lock.mdb}); named
 * databases are LMDB sub-databases. Read snapshots are LMDB read transactions opened with
 * MDB_NOTLS, so they are not tied to the opening thread; the single write transaction runs on the
 * calling thread of {@link #write}.
 */
public final class LmdbKvStore implements KvStore {
  private final Path dir;
  private final Env<byte[]> env;
  private final ReentrantLock writer = new ReentrantLock();
  private final Map<String, LmdbDb> dbs = new ConcurrentHashMap<>();
  private final Set<Snapshot> openSnapshots = ConcurrentHashMap.newKeySet();
  private final AtomicLong generations = new AtomicLong();
  private volatile boolean closed;

  private record LmdbDb(String name, Dbi<byte[]> dbi, LmdbKvStore owner, long generation)
      implements KvDatabase {}

  private LmdbKvStore(Path dir, Env<byte[]> env) {
    this.dir = dir;
    this.env = env;
  }

  /** Opens (creating if needed) the environment in {@code dir}. */
  public static LmdbKvStore open(Path dir, LmdbConfig config) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new KvStoreException("cannot create store directory " + dir + ": " + e.getMessage(), e);
    }
    List<EnvFlags> flags = new ArrayList<>();
    flags.add(EnvFlags.MDB_NOTLS);
    if (config.writeMap()) {
      flags.add(EnvFlags.MDB_WRITEMAP);
    }
    switch (config.durability()) {
      case FULL -> {}
      case NO_META_SYNC -> flags.add(EnvFlags.MDB_NOMETASYNC);
      case NONE -> flags.add(EnvFlags.MDB_NOSYNC);
    }
    try {
      Env<byte[]> env =
          Env.create(ByteArrayProxy.PROXY_BA)
              .setMapSize(config.mapSizeBytes())
              .setMaxDbs(config.maxDatabases())
              .setMaxReaders(config.maxReaders())
              .open(dir.toFile(), flags.toArray(EnvFlags[]::new));
      return new LmdbKvStore(dir, env);
    } catch (LmdbException e) {
      throw new KvStoreException("cannot open LMDB store in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The environment's directory. */
  public Path directory() {
    return dir;
  }

  private void checkOpen() {
    if (closed) {
      throw new KvStoreException("store " + dir + " is closed");
    }
  }

  private LmdbDb lmdb(KvDatabase db) {
    if (db instanceof LmdbDb d && d.owner == this) {
      return d;
    }
    throw new IllegalArgumentException("database " + db.name() + " belongs to another store");
  }

  @Override
  public KvDatabase database(String name) {
    checkOpen();
    LmdbDb db = dbs.get(name);
    if (db != null) {
      return db;
    }
    if (writer.isHeldByCurrentThread()) {
      throw new IllegalStateException("open databases before starting a write transaction");
    }
    writer.lock();
    try {
      return dbs.computeIfAbsent(
          name,
          n -> {
            try {
              return new LmdbDb(
                  n, env.openDbi(n, DbiFlags.MDB_CREATE), this, generations.incrementAndGet());
            } catch (LmdbException e) {
              throw translate("cannot open database " + n, e);
            }
          });
    } finally {
      writer.unlock();
    }
  }

  @Override
  public ReadSnapshot snapshot() {
    checkOpen();
    try {
      long generation = generations.get();
      Snapshot s = new Snapshot(env.txnRead(), generation);
      openSnapshots.add(s);
      return s;
    } catch (LmdbException e) {
      throw translate("cannot open a read snapshot", e);
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
      try (Txn<byte[]> txn = env.txnWrite()) {
        Writer w = new Writer(txn, generations.get());
        T result;
        try {
          result = work.apply(w);
        } finally {
          w.done = true;
        }
        txn.commit();
        return result;
      } catch (LmdbException e) {
        throw translate("write transaction failed", e);
      }
    } finally {
      writer.unlock();
    }
  }

  private static KvStoreException translate(String what, LmdbException e) {
    if (e instanceof Env.MapFullException) {
      return new KvStoreFullException(
          what + ": the store is full (LMDB map size reached); reopen it with a larger map size",
          e);
    }
    return new KvStoreException(what + ": " + e.getMessage(), e);
  }

  /** The data file's size in use: LMDB's highest page, whatever the file's apparent size. */
  @Override
  public long sizeOnDiskBytes() {
    try {
      Path data = dir.resolve("data.mdb");
      if (!Files.exists(data) || closed) {
        return 0;
      }
      var info = env.info();
      return Math.min(Files.size(data), (info.lastPageNumber + 1) * (long) env.stat().pageSize);
    } catch (IOException e) {
      throw new KvStoreException("cannot stat " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    writer.lock();
    try {
      if (closed) {
        return;
      }
      if (!openSnapshots.isEmpty()) {
        throw new KvStoreException(
            "cannot close " + dir + ": " + openSnapshots.size() + " snapshot(s) still open");
      }
      closed = true;
      env.close();
    } finally {
      writer.unlock();
    }
  }

  // -----------------------------------------------------------------------------------------------

  private abstract class Reader implements KvReader {
    final Txn<byte[]> txn;
    final long generation;

    Reader(Txn<byte[]> txn, long generation) {
      this.txn = txn;
      this.generation = generation;
    }

    abstract void checkUsable();

    Dbi<byte[]> dbi(KvDatabase db) {
      LmdbDb d = lmdb(db);
      if (d.generation > generation) {
        throw new KvStoreException(
            "database " + d.name + " was opened after this snapshot or transaction began");
      }
      return d.dbi;
    }

    @Override
    public byte[] get(KvDatabase db, byte[] key) {
      checkUsable();
      try {
        return dbi(db).get(txn, Keys.check(key));
      } catch (LmdbException e) {
        throw translate("get failed", e);
      }
    }

    @Override
    public KvCursor cursor(KvDatabase db) {
      checkUsable();
      try {
        return new LmdbCursor(dbi(db).openCursor(txn), this);
      } catch (LmdbException e) {
        throw translate("cannot open a cursor", e);
      }
    }
  }

  private final class Snapshot extends Reader implements ReadSnapshot {
    private boolean done;

    Snapshot(Txn<byte[]> txn, long generation) {
      super(txn, generation);
    }

    @Override
    void checkUsable() {
      if (done) {
        throw new IllegalStateException("snapshot is closed");
      }
    }

    @Override
    public void close() {
      if (!done) {
        done = true;
        txn.close();
        openSnapshots.remove(this);
      }
    }
  }

  private final class Writer extends Reader implements WriteTxn {
    boolean done;

    Writer(Txn<byte[]> txn, long generation) {
      super(txn, generation);
    }

    @Override
    void checkUsable() {
      if (done) {
        throw new IllegalStateException("write transaction is finished");
      }
    }

    @Override
    public void put(KvDatabase db, byte[] key, byte[] value) {
      checkUsable();
      try {
        dbi(db).put(txn, Keys.check(key), Keys.checkValue(value));
      } catch (LmdbException e) {
        throw translate("put failed", e);
      }
    }

    @Override
    public boolean delete(KvDatabase db, byte[] key) {
      checkUsable();
      try {
        return dbi(db).delete(txn, Keys.check(key));
      } catch (LmdbException e) {
        throw translate("delete failed", e);
      }
    }
  }

  private static final class LmdbCursor implements KvCursor {
    private final Cursor<byte[]> c;
    private final Reader reader;
    private boolean closed;

    LmdbCursor(Cursor<byte[]> c, Reader reader) {
      this.c = c;
      this.reader = reader;
    }

    private void check() {
      if (closed) {
        throw new IllegalStateException("cursor is closed");
      }
      reader.checkUsable();
    }

    @Override
    public boolean seekCeiling(byte[] key) {
      check();
      return c.get(Keys.check(key), GetOp.MDB_SET_RANGE);
    }

    @Override
    public boolean seekFloor(byte[] key) {
      check();
      if (c.get(Keys.check(key), GetOp.MDB_SET_RANGE)) {
        if (Arrays.equals(c.key(), key)) {
          return true;
        }
        return c.prev();
      }
      return c.last();
    }

    @Override
    public boolean first() {
      check();
      return c.first();
    }

    @Override
    public boolean last() {
      check();
      return c.last();
    }

    @Override
    public boolean next() {
      check();
      return c.next();
    }

    @Override
    public boolean prev() {
      check();
      return c.prev();
    }

    @Override
    public byte[] key() {
      check();
      return c.key();
    }

    @Override
    public byte[] value() {
      check();
      return c.val();
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        c.close();
      }
    }
  }
}
