package io.quetzal.kvstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.testkit.Property;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The behaviour every {@link KvStore} implementation must have. */
abstract class KvStoreContract {
  @TempDir Path dir;
  KvStore store;
  KvDatabase a;
  KvDatabase b;
  final java.util.concurrent.atomic.AtomicInteger propertyDatabases =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Opens (or reopens) the store under test in {@code dir}. */
  abstract KvStore open(Path dir);

  @BeforeEach
  void setUp() {
    store = open(dir);
    a = store.database("a");
    b = store.database("b");
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  static byte[] k(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] k(int... unsignedBytes) {
    byte[] out = new byte[unsignedBytes.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) unsignedBytes[i];
    }
    return out;
  }

  void put(KvDatabase db, String key, String value) {
    store.write(
        txn -> {
          txn.put(db, k(key), k(value));
          return null;
        });
  }

  String get(KvDatabase db, String key) {
    try (ReadSnapshot s = store.snapshot()) {
      byte[] v = s.get(db, k(key));
      return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }
  }

  @Test
  void putGetOverwriteDelete() {
    assertThat(get(a, "x")).isNull();
    put(a, "x", "1");
    assertThat(get(a, "x")).isEqualTo("1");
    put(a, "x", "2");
    assertThat(get(a, "x")).isEqualTo("2");
    Boolean removed = store.write(txn -> txn.delete(a, k("x")));
    assertThat(removed.booleanValue()).isTrue();
    assertThat(get(a, "x")).isNull();
    Boolean again = store.write(txn -> txn.delete(a, k("x")));
    assertThat(again.booleanValue()).isFalse();
  }

  @Test
  void namedDatabasesAreSeparate() {
    put(a, "x", "in-a");
    put(b, "x", "in-b");
    assertThat(get(a, "x")).isEqualTo("in-a");
    assertThat(get(b, "x")).isEqualTo("in-b");
    assertThat(store.database("a")).isNotNull();
    assertThat(get(store.database("a"), "x")).isEqualTo("in-a");
  }

  @Test
  void emptyValuesAreStored() {
    store.write(
        txn -> {
          txn.put(a, k("e"), new byte[0]);
          return null;
        });
    try (ReadSnapshot s = store.snapshot()) {
      assertThat(s.get(a, k("e"))).isEmpty();
    }
  }

  @Test
  void badKeysAreRejected() {
    assertThatThrownBy(
            () ->
                store.write(
                    txn -> {
                      txn.put(a, new byte[0], k("v"));
                      return null;
                    }))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                store.write(
                    txn -> {
                      txn.put(a, new byte[512], k("v"));
                      return null;
                    }))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(get(a, "v")).isNull();
  }

  @Test
  void keysOrderAsUnsignedBytes() {
    store.write(
        txn -> {
          txn.put(a, k(0x80), k("hi"));
          txn.put(a, k(0x01), k("lo"));
          txn.put(a, k(0x01, 0x00), k("lo-long"));
          txn.put(a, k(0xff), k("max"));
          return null;
        });
    List<String> values = new ArrayList<>();
    try (ReadSnapshot s = store.snapshot()) {
      s.forEach(
          a, k(0x00), null, (key, value) -> values.add(new String(value, StandardCharsets.UTF_8)));
    }
    assertThat(values).containsExactly("lo", "lo-long", "hi", "max");
  }

  @Test
  void cursorNavigation() {
    store.write(
        txn -> {
          for (int i = 10; i <= 50; i += 10) {
            txn.put(a, k(i), k(i));
          }
          txn.put(b, k(5), k(5));
          return null;
        });
    try (ReadSnapshot s = store.snapshot();
        KvCursor c = s.cursor(a)) {
      assertThat(c.seekCeiling(k(25))).isTrue();
      assertThat(c.key()).containsExactly(k(30));
      assertThat(c.next()).isTrue();
      assertThat(c.key()).containsExactly(k(40));
      assertThat(c.prev()).isTrue();
      assertThat(c.prev()).isTrue();
      assertThat(c.key()).containsExactly(k(20));
      assertThat(c.seekFloor(k(25))).isTrue();
      assertThat(c.value()).containsExactly(k(20));
      assertThat(c.seekFloor(k(30))).isTrue();
      assertThat(c.key()).containsExactly(k(30));
      assertThat(c.seekFloor(k(5))).isFalse();
      assertThat(c.seekFloor(k(99))).isTrue();
      assertThat(c.key()).containsExactly(k(50));
      assertThat(c.seekCeiling(k(51))).isFalse();
      assertThat(c.first()).isTrue();
      assertThat(c.key()).containsExactly(k(10));
      assertThat(c.prev()).isFalse();
      assertThat(c.last()).isTrue();
      assertThat(c.key()).containsExactly(k(50));
      assertThat(c.next()).isFalse();
    }
    KvDatabase empty = store.database("empty");
    try (ReadSnapshot s = store.snapshot()) {
      assertThat(s.ceiling(b, k(1)).key()).containsExactly(k(5));
      assertThat(s.floor(b, k(4))).isNull();
      assertThat(s.ceiling(empty, k(1))).isNull();
      KvDatabase late = store.database("late");
      assertThatThrownBy(() -> s.get(late, k(1)))
          .isInstanceOf(KvStoreException.class)
          .hasMessageContaining("opened after");
    }
  }

  @Test
  void writeTransactionSeesItsOwnWrites() {
    put(a, "keep", "1");
    put(a, "gone", "1");
    store.write(
        txn -> {
          txn.put(a, k("new"), k("2"));
          txn.delete(a, k("gone"));
          assertThat(txn.get(a, k("new"))).isEqualTo(k("2"));
          assertThat(txn.get(a, k("gone"))).isNull();
          List<String> keys = new ArrayList<>();
          txn.forEach(
              a, k("a"), null, (key, v) -> keys.add(new String(key, StandardCharsets.UTF_8)));
          assertThat(keys).containsExactly("keep", "new");
          try (KvCursor c = txn.cursor(a)) {
            assertThat(c.last()).isTrue();
            assertThat(c.key()).isEqualTo(k("new"));
            assertThat(c.prev()).isTrue();
            assertThat(c.key()).isEqualTo(k("keep"));
            assertThat(c.prev()).isFalse();
          }
          return null;
        });
  }

  @Test
  void failedWorkWritesNothing() {
    put(a, "x", "before");
    assertThatThrownBy(
            () ->
                store.write(
                    txn -> {
                      txn.put(a, k("x"), k("after"));
                      txn.put(b, k("y"), k("1"));
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(get(a, "x")).isEqualTo("before");
    assertThat(get(b, "y")).isNull();
    put(a, "z", "still writable");
    assertThat(get(a, "z")).isEqualTo("still writable");
  }

  @Test
  void batchesApplyInOrderAndAtomically() {
    WriteBatch batch =
        new WriteBatch().put(a, k("x"), k("1")).put(a, k("y"), k("2")).delete(a, k("x"));
    assertThat(batch.size()).isEqualTo(3);
    store.commit(batch);
    assertThat(get(a, "x")).isNull();
    assertThat(get(a, "y")).isEqualTo("2");
    assertThat(new WriteBatch().isEmpty()).isTrue();
  }

  @Test
  void snapshotsAreIsolatedFromLaterCommits() {
    put(a, "x", "1");
    try (ReadSnapshot before = store.snapshot()) {
      put(a, "x", "2");
      put(a, "y", "new");
      store.write(txn -> txn.delete(a, k("x")));
      assertThat(before.get(a, k("x"))).isEqualTo(k("1"));
      assertThat(before.get(a, k("y"))).isNull();
      assertThat(before.ceiling(a, k("a")).key()).isEqualTo(k("x"));
      try (ReadSnapshot after = store.snapshot()) {
        assertThat(after.get(a, k("x"))).isNull();
        assertThat(after.get(a, k("y"))).isEqualTo(k("new"));
      }
    }
  }

  @Test
  void readersOnOtherThreadsDuringAWrite() throws Exception {
    put(a, "x", "old");
    CountDownLatch inWrite = new CountDownLatch(1);
    CountDownLatch readDone = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> writer =
          pool.submit(
              () ->
                  store.write(
                      txn -> {
                        txn.put(a, k("x"), k("new"));
                        inWrite.countDown();
                        await(readDone);
                        return null;
                      }));
      await(inWrite);
      Future<String> reader = pool.submit(() -> get(a, "x"));
      assertThat(reader.get(30, TimeUnit.SECONDS)).isEqualTo("old");
      readDone.countDown();
      writer.get(30, TimeUnit.SECONDS);
      assertThat(get(a, "x")).isEqualTo("new");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void snapshotMayMoveBetweenThreads() throws Exception {
    put(a, "x", "1");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (ReadSnapshot s = store.snapshot()) {
      assertThat(pool.submit(() -> s.get(a, k("x"))).get(30, TimeUnit.SECONDS)).isEqualTo(k("1"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void writersAreSerialized() throws Exception {
    int threads = 4;
    int rounds = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int r = 0; r < rounds; r++) {
                    store.write(
                        txn -> {
                          byte[] cur = txn.get(a, k("counter"));
                          int n =
                              cur == null
                                  ? 0
                                  : Integer.parseInt(new String(cur, StandardCharsets.UTF_8));
                          txn.put(a, k("counter"), k(Integer.toString(n + 1)));
                          return null;
                        });
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(get(a, "counter")).isEqualTo(Integer.toString(threads * rounds));
  }

  @Test
  void nestedWritesAreRejected() {
    assertThatThrownBy(() -> store.write(txn -> store.write(inner -> null)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void closedSnapshotsAndStoresRefuseWork() {
    ReadSnapshot s = store.snapshot();
    assertThatThrownBy(() -> store.close()).isInstanceOf(KvStoreException.class);
    s.close();
    s.close();
    assertThatThrownBy(() -> s.get(a, k("x"))).isInstanceOf(IllegalStateException.class);
    store.close();
    store.close();
    assertThatThrownBy(() -> store.snapshot()).isInstanceOf(KvStoreException.class);
    store = open(dir); // for tearDown
  }

  /** Random operations against a TreeMap model, with snapshots checked against frozen copies. */
  @Test
  void behavesLikeASortedMap() {
    Property.forAll(
        "random operations match a sorted map",
        40,
        r -> {
          int n = 1 + r.nextInt(60);
          List<int[]> ops = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            ops.add(new int[] {r.nextInt(4), r.nextInt(24), r.nextInt(1000), r.nextInt(3)});
          }
          return ops;
        },
        ops -> {
          KvDatabase db = store.database("prop-" + propertyDatabases.incrementAndGet());
          TreeMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
          int i = 0;
          while (i < ops.size()) {
            int txnOps = 1 + ops.get(i)[3];
            int from = i;
            int to = Math.min(ops.size(), i + txnOps);
            boolean abort = ops.get(from)[0] == 3;
            TreeMap<byte[], byte[]> draft = new TreeMap<>(model);
            try {
              store.write(
                  txn -> {
                    for (int j = from; j < to; j++) {
                      int[] op = ops.get(j);
                      byte[] key = keyOf(op[1]);
                      if (op[0] == 0) {
                        txn.delete(db, key);
                        draft.remove(key);
                      } else {
                        byte[] v = Integer.toString(op[2]).getBytes(StandardCharsets.UTF_8);
                        txn.put(db, key, v);
                        draft.put(key, v);
                      }
                      assertSame(txn, db, draft);
                    }
                    if (abort) {
                      throw new IllegalStateException("abort");
                    }
                    return null;
                  });
              model.clear();
              model.putAll(draft);
            } catch (IllegalStateException e) {
              assertThat(e).hasMessage("abort");
            }
            try (ReadSnapshot s = store.snapshot()) {
              assertSame(s, db, model);
            }
            i = to;
          }
        });
  }

  private static byte[] keyOf(int n) {
    // variable-length keys sharing prefixes: 1..3 bytes
    return switch (n % 3) {
      case 0 -> k(n);
      case 1 -> k(n / 3, n);
      default -> k(n / 3, 0, n);
    };
  }

  private static void assertSame(KvReader reader, KvDatabase db, TreeMap<byte[], byte[]> model) {
    List<Map.Entry<byte[], byte[]>> actual = new ArrayList<>();
    try (KvCursor c = reader.cursor(db)) {
      for (boolean ok = c.first(); ok; ok = c.next()) {
        actual.add(Map.entry(c.key(), c.value()));
      }
    }
    assertThat(actual).hasSize(model.size());
    int idx = 0;
    for (Map.Entry<byte[], byte[]> e : model.entrySet()) {
      assertThat(actual.get(idx).getKey()).isEqualTo(e.getKey());
      assertThat(actual.get(idx).getValue()).isEqualTo(e.getValue());
      idx++;
    }
    List<byte[]> backwards = new ArrayList<>();
    try (KvCursor c = reader.cursor(db)) {
      for (boolean ok = c.last(); ok; ok = c.prev()) {
        backwards.add(c.key());
      }
    }
    assertThat(backwards).hasSize(model.size());
    for (int probe = 0; probe < 30; probe += 7) {
      byte[] key = keyOf(probe);
      Map.Entry<byte[], byte[]> ceil = model.ceilingEntry(key);
      KvEntry got = reader.ceiling(db, key);
      assertThat(got == null ? null : got.key()).isEqualTo(ceil == null ? null : ceil.getKey());
      Map.Entry<byte[], byte[]> floor = model.floorEntry(key);
      KvEntry gotFloor = reader.floor(db, key);
      assertThat(gotFloor == null ? null : gotFloor.key())
          .isEqualTo(floor == null ? null : floor.getKey());
      assertThat(reader.get(db, key)).isEqualTo(model.get(key));
    }
  }

  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
