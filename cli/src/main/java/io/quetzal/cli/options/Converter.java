package io.quetzal.cli.options;

/** Turns the raw text of an option (flag, environment or default) into its typed value. */
@FunctionalInterface
public interface Converter<T> {
  T convert(String raw) throws InvalidValueException;
}
