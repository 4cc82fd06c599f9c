/**
 * Transactional ordered key-value storage: {@link io.quetzal.kvstore.KvStore} with named {@link
 * io.quetzal.kvstore.KvDatabase}s, committed {@link io.quetzal.kvstore.ReadSnapshot}s, one {@link
 * io.quetzal.kvstore.WriteTxn} at a time and {@link io.quetzal.kvstore.WriteBatch}es.
 *
 * <p><b>What it owns.</b> {@link io.quetzal.kvstore.LmdbKvStore}: one LMDB environment in a
 * directory (lmdbjava with the byte-array proxy, so the JVM needs no {@code --add-opens}), a
 * configurable map size ({@link io.quetzal.kvstore.LmdbConfig}), named sub-databases, durability
 * from full sync to none ({@link io.quetzal.kvstore.Durability}). {@link
 * io.quetzal.kvstore.InMemoryKvStore}: a multi-version in-memory twin with the same semantics for
 * tests. Both pass one abstract contract suite. Keys are 1..511 bytes and compared as unsigned
 * bytes, as LMDB does.
 *
 * <p><b>Thread-safety.</b> Single writer: {@code write}/{@code commit} take an internal lock and
 * run the work on the calling thread; the work's effects become visible atomically when it returns,
 * or not at all when it throws (including {@link io.quetzal.kvstore.KvStoreFullException} when the
 * map is full), so a crash at any point leaves the store at a commit boundary. Readers: any number
 * of snapshots (LMDB read transactions with MDB_NOTLS), each confined to one thread at a time and
 * seeing the state committed when it was opened.
 *
 * <p><b>Flow.</b> Callers encode their own keys (big-endian numbers sort naturally), open the
 * databases they need once, read through snapshots, and write through one transaction per logical
 * unit of work (for the world state: one per block).
 */
package io.quetzal.kvstore;
