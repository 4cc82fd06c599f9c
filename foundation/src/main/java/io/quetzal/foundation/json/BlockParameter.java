package io.quetzal.foundation.json;

import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.BlockNumber;

/**
 * Which block a node query refers to: a block number, {@code "latest"}, or a block hash. Parsed
 * from JSON by {@link JsonCodecs#parseBlockParameter} exactly as the official {@code
 * BlockParameterSchema} ({@code z.union([BlockHash.schema, BlockNumberSchema,
 * z.literal('latest')])}); see there for the (surprising) rules, e.g. that the string {@code "4"}
 * is the <em>hash</em> {@code 0x…04}.
 *
 * <p>JSON form: a number, the string {@code "latest"}, or the hash as {@code 0x} and 64 hex digits.
 */
public sealed interface BlockParameter {
  /** The latest block. */
  BlockParameter LATEST = new Latest();

  record Latest() implements BlockParameter {
    @Override
    public String toString() {
      return "latest";
    }
  }

  /** A block by number. */
  record ByNumber(BlockNumber number) implements BlockParameter {
    @Override
    public String toString() {
      return number.toString();
    }
  }

  /** A block by hash (a field element). */
  record ByHash(Fr hash) implements BlockParameter {
    @Override
    public String toString() {
      return hash.toString();
    }
  }

  static BlockParameter number(long number) {
    return new ByNumber(BlockNumber.of(number));
  }

  static BlockParameter hash(Fr hash) {
    return new ByHash(hash);
  }
}
