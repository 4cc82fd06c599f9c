package io.quetzal.cli.options;

import java.util.OptionalInt;
import java.util.OptionalLong;

/** Unset options as primitive optionals. */
final class Optionals {
  private Optionals() {}

  static OptionalInt optionalInt(OptionValues v, OptionDef<Integer> def) {
    return v.find(def).map(OptionalInt::of).orElseGet(OptionalInt::empty);
  }

  static OptionalLong optionalLong(OptionValues v, OptionDef<Long> def) {
    return v.find(def).map(OptionalLong::of).orElseGet(OptionalLong::empty);
  }
}
