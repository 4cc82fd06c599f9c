package io.quetzal.cli.options;

import io.quetzal.cli.config.AztecAddress;
import io.quetzal.cli.config.EthValues;
import io.quetzal.cli.config.IpAddresses;
import io.quetzal.cli.config.LoggingConfig;
import io.quetzal.cli.config.NetworkName;
import io.quetzal.cli.config.NodeRpcConfig;
import io.quetzal.cli.config.SyncMode;
import io.quetzal.cli.config.Urls;
import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.foundation.secret.Secret;
import io.quetzal.foundation.types.EthAddress;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The value parsers of the option table. Each one produces the whole problem text; the ones for
 * secrets describe the shape of the input (length, entry number, position) and never quote it.
 */
public final class Converters {
  private static final int MAX_ECHO = 80;
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern ENR = Pattern.compile("enr:[A-Za-z0-9_-]+={0,2}");
  private static final Pattern SHA256_HEX = Pattern.compile("(0x)?[0-9a-fA-F]{64}");
  private static final Pattern PEER_ID_KEY = Pattern.compile("08021220[0-9a-fA-F]{64}");

  private Converters() {}

  /** {@code 'value'} with control characters replaced and long values cut. Not for secrets. */
  public static String quote(String raw) {
    String clean =
        raw.codePoints()
            .map(c -> Character.isISOControl(c) ? '?' : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return "'" + (clean.length() > MAX_ECHO ? clean.substring(0, MAX_ECHO) + "…" : clean) + "'";
  }

  // ---------------------------------------------------------------------------------------------
  // Scalars

  public static final Converter<String> STRING = raw -> raw;

  public static final Converter<Boolean> BOOLEAN =
      raw ->
          switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new InvalidValueException(quote(raw) + " is not true, false, 1 or 0");
          };

  public static final Converter<Integer> PORT =
      raw -> {
        long value = wholeNumber(raw, "a port number (1-65535)");
        if (value < 1 || value > 65_535) {
          throw new InvalidValueException(quote(raw) + " is not a port number (1-65535)");
        }
        return (int) value;
      };

  /** A whole number in [min, Integer.MAX_VALUE]. */
  public static Converter<Integer> intAtLeast(int min) {
    return raw -> (int) inRange(raw, min, Integer.MAX_VALUE);
  }

  /** Any whole number that fits an {@code int}. */
  public static final Converter<Integer> ANY_INT =
      raw -> (int) inRange(raw, Integer.MIN_VALUE, Integer.MAX_VALUE);

  /** A whole number in [min, Long.MAX_VALUE]. */
  public static Converter<Long> longAtLeast(long min) {
    return raw -> inRange(raw, min, Long.MAX_VALUE);
  }

  /** A decimal number above zero. */
  public static final Converter<BigDecimal> POSITIVE_DECIMAL =
      raw -> {
        BigDecimal value;
        try {
          value = new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
          throw new InvalidValueException(quote(raw) + " is not a number");
        }
        if (value.signum() <= 0) {
          throw new InvalidValueException(quote(raw) + " is not above zero");
        }
        return value;
      };

  public static final Converter<Path> PATH =
      raw -> {
        if (raw.isBlank()) {
          throw new InvalidValueException("is empty");
        }
        try {
          return Path.of(raw.trim());
        } catch (InvalidPathException e) {
          throw new InvalidValueException(quote(raw) + " is not a valid path");
        }
      };

  public static final Converter<String> IP_ADDRESS =
      raw -> {
        String value = raw.trim();
        if (!IpAddresses.isLiteral(value)) {
          throw new InvalidValueException(
              quote(raw) + " is not an IP address (IPv4 like 203.0.113.7, or IPv6)");
        }
        return value;
      };

  public static final Converter<EthAddress> ETH_ADDRESS =
      raw -> {
        try {
          return EthValues.address(raw);
        } catch (IllegalArgumentException e) {
          throw new InvalidValueException(quote(raw) + " is not an L1 address: " + e.getMessage());
        }
      };

  public static final Converter<EthAddress> NON_ZERO_ETH_ADDRESS =
      raw -> {
        EthAddress address = ETH_ADDRESS.convert(raw);
        if (address.isZero()) {
          throw new InvalidValueException(quote(raw) + " is the zero address");
        }
        return address;
      };

  public static final Converter<AztecAddress> AZTEC_ADDRESS =
      raw -> {
        try {
          return AztecAddress.parse(raw);
        } catch (IllegalArgumentException e) {
          throw new InvalidValueException(
              quote(raw) + " is not an Aztec address: " + e.getMessage());
        }
      };

  public static Converter<URI> url(Set<String> schemes) {
    return raw -> {
      if (raw.isBlank()) {
        throw new InvalidValueException("is empty");
      }
      try {
        return Urls.parse(raw, schemes);
      } catch (IllegalArgumentException e) {
        throw new InvalidValueException(quote(raw) + " is not a valid URL: " + e.getMessage());
      }
    };
  }

  public static final Converter<NetworkName> NETWORK =
      raw ->
          NetworkName.parse(raw)
              .orElseThrow(
                  () ->
                      new InvalidValueException(
                          quote(raw)
                              + " is not a known network ("
                              + String.join(", ", NetworkName.acceptedNames())
                              + ")"));

  /** {@code canonical} (empty) or a rollup version number. */
  public static final Converter<OptionalLong> ROLLUP_VERSION =
      raw -> {
        if (raw.trim().equalsIgnoreCase("canonical")) {
          return OptionalLong.empty();
        }
        try {
          return OptionalLong.of(inRange(raw, 0, Long.MAX_VALUE));
        } catch (InvalidValueException e) {
          throw new InvalidValueException(
              quote(raw) + " is neither 'canonical' nor a rollup version number");
        }
      };

  public static final Converter<SyncMode> SYNC_MODE =
      raw ->
          SyncMode.parse(raw)
              .orElseThrow(
                  () ->
                      new InvalidValueException(
                          quote(raw)
                              + " is not a sync mode ("
                              + Arrays.stream(SyncMode.values())
                                  .map(SyncMode::id)
                                  .collect(Collectors.joining(", "))
                              + ")"));

  public static final Converter<LoggingConfig> LOG_LEVEL =
      raw -> {
        try {
          return LoggingConfig.parse(raw);
        } catch (IllegalArgumentException e) {
          throw new InvalidValueException(quote(raw) + " is not a log level: " + e.getMessage());
        }
      };

  public static final Converter<String> BODY_SIZE =
      raw -> {
        String value = raw.trim().toLowerCase(Locale.ROOT);
        if (!NodeRpcConfig.BODY_SIZE.matcher(value).matches()) {
          throw new InvalidValueException(
              quote(raw) + " is not a size (bytes, or with a unit: 512kb, 1mb, 1gb)");
        }
        return value;
      };

  /** A SHA-256 hash as 64 hex digits, stored lower case without prefix. */
  public static final Converter<String> SHA256_HASH =
      raw -> {
        String value = raw.trim();
        if (!SHA256_HEX.matcher(value).matches()) {
          throw new InvalidValueException(quote(raw) + " is not a SHA-256 hash (64 hex digits)");
        }
        return (value.startsWith("0x") ? value.substring(2) : value).toLowerCase(Locale.ROOT);
      };

  /** A libp2p private key: hex of the protobuf-encoded secp256k1 key ({@code 08021220…}). */
  public static final Converter<Secret<String>> PEER_ID_PRIVATE_KEY =
      raw -> {
        String value = raw.trim();
        if (!PEER_ID_KEY.matcher(value).matches()) {
          throw new InvalidValueException(
              "is not a libp2p secp256k1 private key (72 hex digits starting 08021220, no 0x;"
                  + " got "
                  + value.length()
                  + " characters)");
        }
        return Secret.of(value.toLowerCase(Locale.ROOT));
      };

  // ---------------------------------------------------------------------------------------------
  // Comma-separated lists. An empty value is an empty list; an empty entry is an error.

  public static Converter<List<URI>> urlList(Set<String> schemes) {
    return raw -> {
      List<String> entries = entries(raw, false);
      List<URI> urls = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        try {
          urls.add(Urls.parse(entries.get(i), schemes));
        } catch (IllegalArgumentException e) {
          throw new InvalidValueException(
              entryName(i, entries.size())
                  + quote(entries.get(i))
                  + " is not a valid URL: "
                  + e.getMessage());
        }
      }
      return List.copyOf(urls);
    };
  }

  /** Like {@link #urlList} but drops a trailing slash, as Aztec does for consensus hosts. */
  public static Converter<List<URI>> urlListWithoutTrailingSlash(Set<String> schemes) {
    Converter<List<URI>> plain = urlList(schemes);
    return raw ->
        plain.convert(raw).stream()
            .map(u -> u.toString().endsWith("/") ? stripSlash(u) : u)
            .toList();
  }

  public static final Converter<List<String>> HEADER_NAMES =
      raw -> {
        List<String> entries = entries(raw, false);
        for (int i = 0; i < entries.size(); i++) {
          if (!HEADER_NAME.matcher(entries.get(i)).matches()) {
            throw new InvalidValueException(
                entryName(i, entries.size())
                    + quote(entries.get(i))
                    + " is not an HTTP header name");
          }
        }
        return entries;
      };

  public static final Converter<List<String>> ENRS =
      raw -> {
        List<String> entries = entries(raw, false);
        for (int i = 0; i < entries.size(); i++) {
          if (!ENR.matcher(entries.get(i)).matches()) {
            throw new InvalidValueException(
                entryName(i, entries.size())
                    + quote(entries.get(i))
                    + " is not an ENR (enr: followed by base64url)");
          }
        }
        return entries;
      };

  /** Secret strings such as API keys. Problems give the entry number only. */
  public static final Converter<List<Secret<String>>> SECRET_STRINGS =
      raw -> entries(raw, true).stream().map(Secret::of).toList();

  /**
   * secp256k1 private keys: each 32 bytes of hex with an optional {@code 0x}, non-zero, below the
   * group order, no key twice. Problems give entry numbers and shapes, never key material.
   */
  public static final Converter<List<Secret<Secp256k1PrivateKey>>> PRIVATE_KEYS =
      raw -> {
        List<String> entries = entries(raw, true);
        List<Secret<Secp256k1PrivateKey>> keys = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
          Secret<Secp256k1PrivateKey> key;
          try {
            key = Secret.of(EthValues.privateKey(entries.get(i)));
          } catch (IllegalArgumentException e) {
            throw new InvalidValueException(
                keyName(i, entries.size()) + " is not a valid private key: " + e.getMessage());
          } catch (RuntimeException e) {
            throw new InvalidValueException(keyName(i, entries.size()) + " is not a valid key");
          }
          int duplicate = keys.indexOf(key);
          if (duplicate >= 0) {
            throw new InvalidValueException(
                "keys " + (duplicate + 1) + " and " + (i + 1) + " are the same key");
          }
          keys.add(key);
        }
        return List.copyOf(keys);
      };

  public static final Converter<List<AztecAddress>> AZTEC_ADDRESSES =
      raw -> {
        List<String> entries = entries(raw, false);
        List<AztecAddress> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
          try {
            out.add(AztecAddress.parse(entries.get(i)));
          } catch (IllegalArgumentException e) {
            throw new InvalidValueException(
                entryName(i, entries.size())
                    + quote(entries.get(i))
                    + " is not an Aztec address: "
                    + e.getMessage());
          }
        }
        return List.copyOf(out);
      };

  /** The single entry of a one-element key list, or the entry's position in a longer one. */
  private static String keyName(int index, int size) {
    return size == 1 ? "the key" : "key " + (index + 1) + " of " + size;
  }

  private static String entryName(int index, int size) {
    return size == 1 ? "" : "entry " + (index + 1) + " of " + size + " ";
  }

  private static List<String> entries(String raw, boolean secret) throws InvalidValueException {
    if (raw.isBlank()) {
      return List.of();
    }
    String[] parts = raw.split(",", -1);
    List<String> entries = new ArrayList<>(parts.length);
    for (int i = 0; i < parts.length; i++) {
      String entry = parts[i].trim();
      if (entry.isEmpty()) {
        String where = "entry " + (i + 1) + " of " + parts.length;
        throw new InvalidValueException(
            where + (secret ? "" : " in " + quote(raw)) + " is empty (a stray comma?)");
      }
      entries.add(entry);
    }
    return List.copyOf(entries);
  }

  private static URI stripSlash(URI uri) {
    String text = uri.toString();
    return URI.create(text.substring(0, text.length() - 1));
  }

  // ---------------------------------------------------------------------------------------------
  // Numbers

  private static long wholeNumber(String raw, String what) throws InvalidValueException {
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw new InvalidValueException(quote(raw) + " is not " + what);
    }
  }

  private static long inRange(String raw, long min, long max) throws InvalidValueException {
    long value = wholeNumber(raw, "a whole number");
    if (value < min) {
      throw new InvalidValueException(quote(raw) + " is below the minimum " + min);
    }
    if (value > max) {
      throw new InvalidValueException(quote(raw) + " is above the maximum " + max);
    }
    return value;
  }
}
