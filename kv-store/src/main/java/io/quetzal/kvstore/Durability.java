package io.quetzal.kvstore;

/** How a commit reaches the disk (LMDB sync flags). Every level keeps commits atomic. */
public enum Durability {
  /** Data and meta page flushed on every commit (LMDB default): survives power loss. */
  FULL,
  /**
   * Data flushed, meta page not (MDB_NOMETASYNC): after an OS crash or power loss the last commit
   * may be lost, but the store is still consistent at a commit boundary. Process crashes lose
   * nothing.
   */
  NO_META_SYNC,
  /**
   * No flush at commit (MDB_NOSYNC): process crashes lose nothing; an OS crash may lose recent
   * commits or corrupt the store. For tests and throw-away stores.
   */
  NONE
}
