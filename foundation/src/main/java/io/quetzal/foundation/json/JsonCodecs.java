package io.quetzal.foundation.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.foundation.crypto.EthSignature;
import io.quetzal.foundation.field.Fq;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.json.JsonCodecException.Issue;
import io.quetzal.foundation.serialize.BigInts;
import io.quetzal.foundation.types.BlockNumber;
import io.quetzal.foundation.types.CheckpointNumber;
import io.quetzal.foundation.types.EpochNumber;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.L1BlockNumber;
import io.quetzal.foundation.types.SlotNumber;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses JSON values exactly as the official zod schemas do, and converts values to their official
 * JSON forms. Every parser takes the raw {@link JsonNode} (so that numbers, strings and other types
 * are told apart as in JavaScript) and either returns the value or throws a {@link
 * JsonCodecException} with the official issues or error message.
 *
 * <p>Rules worth knowing (all checked against the reference vectors):
 *
 * <ul>
 *   <li><b>Fr, Fq, BlockHash</b> ({@code hexSchemaFor(Fr)}): a string matching {@code
 *       /^(0x)?[0-9a-fA-F]*$/} (lower-case {@code x}; otherwise issue "Not a valid hex string"),
 *       then {@code Fr.fromString}: only decimal digits → a <em>decimal</em> number ({@code "10"}
 *       is 10); a {@code 0x} prefix → hex of any length, leading zeros allowed; anything else
 *       (including {@code ""} and {@code "abc"}) throws "Tried to create a Fr from an invalid
 *       string: …"; {@code "0x"} throws "Invalid hex-encoded string: \"0x\""; a decimal wider than
 *       64 hex digits keeps its <em>most significant</em> 64 hex digits (the {@code toBufferBE}
 *       cut) before the range check "Value 0x… is greater or equal to field modulus.".
 *   <li><b>TxHash</b> ({@code BufferHex}): hex digits are decoded as bytes (an odd last digit is
 *       dropped), fewer than 32 bytes throws the reader's range error, and bytes after the first 32
 *       are ignored.
 *   <li><b>AztecAddress</b>: exactly 64 hex digits (optional {@code 0x}) or base64 of 32 bytes;
 *       anything else is "Invalid input".
 *   <li><b>EthAddress</b>: see {@link EthAddress#isAddress}; the schema also wants the lower-case
 *       {@code 0x} ({@code 0X…} is "Not a valid hex string" although {@code fromString} takes it).
 *   <li><b>Numbers</b> (block, checkpoint, epoch, slot, UInt32, Integer): a JSON number or a string
 *       converted with JavaScript's {@code Number()}: {@code " 4 "}, {@code "0x10"}, {@code "0o7"},
 *       {@code "1e3"}, {@code "4.0"} and even {@code ""} (0) are accepted; then integer and range
 *       checks, each failure its own issue. Values beyond the {@code long} range saturate (the
 *       official code keeps an imprecise double).
 *   <li><b>bigint</b> ({@code schemas.BigInt}, {@code UInt64}): a number (integral) or a string
 *       converted with {@code BigInt()} (no fractions or exponents); written as a decimal string.
 *   <li><b>Buffer</b>: base64 (strictly checked up to 1024 characters, decoded leniently as Node
 *       above that) or {@code {"type":"Buffer","data":[bytes]}}.
 *   <li><b>BlockParameter</b>: see {@link #parseBlockParameter}.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonCodecs {
  private static final BigInteger TWO_64_MINUS_1 =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final Issue INVALID_UNION = new Issue("invalid_union", "Invalid input");

  private JsonCodecs() {}

  // ---------------------------------------------------------------------------------------------
  // Field-like values

  /** {@code schemas.Fr}. */
  public static Fr parseFr(JsonNode node) {
    return Fr.fromBigInteger(parseFieldString(node, "Fr", Fr.MODULUS));
  }

  /** {@code schemas.Fq}. */
  public static Fq parseFq(JsonNode node) {
    return Fq.fromBigInteger(parseFieldString(node, "Fq", Fq.MODULUS));
  }

  /** {@code BlockHash.schema}: as {@link #parseFr} (messages say "Fr"). */
  public static Fr parseBlockHash(JsonNode node) {
    return parseFr(node);
  }

  /** {@code TxHash.schema}: hex bytes, the first 32 of which must be a field element. */
  public static Fr parseTxHash(JsonNode node) {
    String s = requireString(node);
    if (!Js.isHex(s)) {
      throw JsonCodecException.validation(new Issue("custom", "Not a valid hex string"));
    }
    byte[] bytes = hexBytes(s.startsWith("0x") ? s.substring(2) : s);
    if (bytes.length < 32) {
      throw JsonCodecException.error(
          "Attempted to read beyond buffer length. Start index: 0, Num bytes to read: 32, Buffer"
              + " length: "
              + bytes.length);
    }
    return Fr.fromBigInteger(checkField(new BigInteger(1, bytes, 0, 32), Fr.MODULUS));
  }

  /** {@code AztecAddress.schema}: 64 hex digits or base64 of 32 bytes; the value as a field. */
  public static Fr parseAztecAddress(JsonNode node) {
    if (node != null && node.isTextual()) {
      String s = node.textValue();
      String digits = s.startsWith("0x") ? s.substring(2) : s;
      if (digits.length() == 64 && Js.isHex(digits)) {
        return Fr.fromBigInteger(checkField(new BigInteger(digits, 16), Fr.MODULUS));
      }
    }
    byte[] bytes;
    try {
      bytes = parseBuffer(node);
    } catch (JsonCodecException e) {
      throw JsonCodecException.validation(INVALID_UNION);
    }
    if (bytes.length != 32) {
      throw JsonCodecException.validation(INVALID_UNION);
    }
    return Fr.fromBigInteger(checkField(new BigInteger(1, bytes), Fr.MODULUS));
  }

  // ---------------------------------------------------------------------------------------------
  // Ethereum values

  /** {@code EthAddress.schema}. */
  public static EthAddress parseEthAddress(JsonNode node) {
    String s = requireString(node);
    List<Issue> issues = new ArrayList<>();
    if (!EthAddress.isAddress(s)) {
      issues.add(new Issue("custom", "Not a valid instance"));
    }
    if (!Js.isHex(s)) {
      issues.add(new Issue("custom", "Not a valid hex string"));
    }
    if (!issues.isEmpty()) {
      throw JsonCodecException.validation(issues);
    }
    return EthAddress.fromString(s);
  }

  /** {@code Signature.schema}. */
  public static EthSignature parseSignature(JsonNode node) {
    String s = requireString(node);
    List<Issue> issues = new ArrayList<>();
    if (!s.startsWith("0x")) {
      issues.add(new Issue("custom", "No hex prefix"));
    }
    if (!EthSignature.isValidString(s)) {
      issues.add(new Issue("custom", "Not a valid Ethereum signature"));
    }
    if (!issues.isEmpty()) {
      throw JsonCodecException.validation(issues);
    }
    try {
      return EthSignature.fromString(s);
    } catch (IllegalArgumentException e) {
      throw JsonCodecException.error(e.getMessage());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Numbers

  /** {@code BlockNumberSchema} (at least 0). */
  public static BlockNumber parseBlockNumber(JsonNode node) {
    return new BlockNumber(saturate(coerceNumber(node, 0, null)));
  }

  /** {@code BlockNumberPositiveSchema} (at least 1). */
  public static BlockNumber parseBlockNumberPositive(JsonNode node) {
    return new BlockNumber(saturate(coerceNumber(node, 1, null)));
  }

  /** {@code CheckpointNumberSchema}. */
  public static CheckpointNumber parseCheckpointNumber(JsonNode node) {
    return new CheckpointNumber(saturate(coerceNumber(node, 0, null)));
  }

  /** {@code CheckpointNumberPositiveSchema}. */
  public static CheckpointNumber parseCheckpointNumberPositive(JsonNode node) {
    return new CheckpointNumber(saturate(coerceNumber(node, 1, null)));
  }

  /** {@code EpochNumberSchema}. */
  public static EpochNumber parseEpochNumber(JsonNode node) {
    return new EpochNumber(saturate(coerceNumber(node, 0, null)));
  }

  /** {@code SlotNumberSchema}. */
  public static SlotNumber parseSlotNumber(JsonNode node) {
    return new SlotNumber(saturate(coerceNumber(node, 0, null)));
  }

  /** {@code schemas.UInt32}. */
  public static long parseUInt32(JsonNode node) {
    return (long) coerceNumber(node, 0, 4294967295.0);
  }

  /** {@code schemas.Integer} (saturating beyond the {@code long} range). */
  public static long parseInteger(JsonNode node) {
    return saturateSigned(coerceNumber(node, null, null));
  }

  /** {@code schemas.BigInt}. */
  public static BigInteger parseBigInt(JsonNode node) {
    return coerceBigInt(node);
  }

  /** {@code schemas.UInt64}. */
  public static BigInteger parseUInt64(JsonNode node) {
    BigInteger v = coerceBigInt(node);
    if (v.signum() < 0) {
      throw JsonCodecException.validation(
          new Issue("too_small", "Number must be greater than or equal to 0"));
    }
    if (v.compareTo(TWO_64_MINUS_1) > 0) {
      throw JsonCodecException.validation(
          new Issue("too_big", "BigInt must be less than or equal to 18446744073709551615"));
    }
    return v;
  }

  /** An L1 block number: a non-negative bigint (a decimal string in JSON). */
  public static L1BlockNumber parseL1BlockNumber(JsonNode node) {
    BigInteger v = parseUInt64(node);
    if (v.bitLength() > 63) {
      throw JsonCodecException.error("L1 block number " + v + " exceeds the supported range");
    }
    return new L1BlockNumber(v.longValue());
  }

  // ---------------------------------------------------------------------------------------------
  // Buffers

  /** {@code schemas.Buffer}: base64 text or {@code {"type":"Buffer","data":[...]}}. */
  public static byte[] parseBuffer(JsonNode node) {
    if (node != null && node.isTextual()) {
      String s = node.textValue();
      if (s.length() > 1024 || NodeBase64.matchesStrictRegex(s)) {
        return NodeBase64.decode(s);
      }
    } else if (node != null && node.isObject()) {
      JsonNode type = node.get("type");
      JsonNode data = node.get("data");
      if (type != null
          && type.isTextual()
          && type.textValue().equals("Buffer")
          && data != null
          && data.isArray()) {
        byte[] out = new byte[data.size()];
        boolean ok = true;
        for (int i = 0; i < out.length && ok; i++) {
          JsonNode b = data.get(i);
          double d = b.isNumber() ? Js.number(b) : Double.NaN;
          ok = Js.isInteger(d) && d >= 0 && d <= 255;
          out[i] = (byte) (int) d;
        }
        if (ok) {
          return out;
        }
      }
    }
    throw JsonCodecException.validation(INVALID_UNION);
  }

  // ---------------------------------------------------------------------------------------------
  // BlockParameter

  /**
   * The official {@code BlockParameterSchema}: {@code z.union([BlockHash.schema, BlockNumberSchema,
   * z.literal('latest')])}, parsed as the JSON-RPC server does (asynchronously, so every branch is
   * tried):
   *
   * <ol>
   *   <li>if the hash branch <em>throws</em> (a hex-looking string it cannot convert: {@code ""},
   *       {@code "abc"}, {@code "1e3"}, {@code "0x"}, a value at or above the modulus), that error
   *       is the result, even when another branch would accept the input;
   *   <li>otherwise the first accepting branch wins: the hash branch takes every string of hex
   *       digits, decimal strings included ({@code "4"} is the hash {@code 0x…04}, {@code "10"} the
   *       hash {@code 0x…0a}); the number branch takes JSON numbers that are non-negative integers
   *       ({@code 4.0}, {@code 1e3}) and the remaining strings {@code Number()} turns into one
   *       ({@code " 4"}, {@code "+4"}, {@code "4.0"}, {@code "0X10"}, {@code "0o7"}, {@code " "} =
   *       0); the literal takes exactly {@code "latest"};
   *   <li>otherwise the single issue "Invalid input" ({@code "Invalid input (0)"} on the wire).
   * </ol>
   */
  public static BlockParameter parseBlockParameter(JsonNode node) {
    if (node != null && node.isTextual()) {
      String s = node.textValue();
      if (Js.isHex(s)) {
        return new BlockParameter.ByHash(Fr.fromBigInteger(fieldFromString(s, "Fr", Fr.MODULUS)));
      }
    }
    try {
      return new BlockParameter.ByNumber(parseBlockNumber(node));
    } catch (JsonCodecException notANumber) {
      // fall through to the literal
    }
    if (node != null && node.isTextual() && node.textValue().equals("latest")) {
      return BlockParameter.LATEST;
    }
    throw JsonCodecException.validation(INVALID_UNION);
  }

  /** {@code optional(BlockParameterSchema)}: JSON {@code null} or a missing value is empty. */
  public static Optional<BlockParameter> parseOptionalBlockParameter(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Optional.empty();
    }
    return Optional.of(parseBlockParameter(node));
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  /** {@code "0x"} and 64 lower-case hex digits. */
  public static String toJson(Fr value) {
    return value.toString();
  }

  public static String toJson(Fq value) {
    return value.toString();
  }

  /** A bigint: its decimal digits. */
  public static String bigIntToJson(BigInteger value) {
    return value.toString();
  }

  /** A buffer: standard base64 with padding. */
  public static String bufferToJson(byte[] value) {
    return java.util.Base64.getEncoder().encodeToString(value);
  }

  // ---------------------------------------------------------------------------------------------
  // Internals

  private static String requireString(JsonNode node) {
    if (node == null || !node.isTextual()) {
      throw JsonCodecException.validation(
          new Issue("invalid_type", "Expected string, received " + Js.typeName(node)));
    }
    return node.textValue();
  }

  private static BigInteger parseFieldString(JsonNode node, String type, BigInteger modulus) {
    String s = requireString(node);
    if (!Js.isHex(s)) {
      throw JsonCodecException.validation(new Issue("custom", "Not a valid hex string"));
    }
    return fieldFromString(s, type, modulus);
  }

  /** The official {@code Fr.fromString}/{@code Fq.fromString} on any string. */
  static BigInteger fieldFromString(String s, String type, BigInteger modulus) {
    if (!s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      byte[] cut = BigInts.toBufferBE(new BigInteger(s), 32);
      return checkField(new BigInteger(1, cut), modulus);
    }
    if (s.length() >= 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
      String digits = s.substring(2);
      if (digits.isEmpty() || !digits.chars().allMatch(c -> Js.hexDigit((char) c) >= 0)) {
        throw JsonCodecException.error("Invalid hex-encoded string: \"" + s + "\"");
      }
      return checkField(new BigInteger(digits, 16), modulus);
    }
    throw JsonCodecException.error("Tried to create a " + type + " from an invalid string: " + s);
  }

  private static BigInteger checkField(BigInteger value, BigInteger modulus) {
    if (value.compareTo(modulus) >= 0) {
      throw JsonCodecException.error(
          "Value 0x" + value.toString(16) + " is greater or equal to field modulus.");
    }
    return value;
  }

  /** Node's hex decoding of a string known to hold only hex digits: pairs, odd tail dropped. */
  private static byte[] hexBytes(String digits) {
    byte[] out = new byte[digits.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          (byte) ((Js.hexDigit(digits.charAt(2 * i)) << 4) | Js.hexDigit(digits.charAt(2 * i + 1)));
    }
    return out;
  }

  /**
   * {@code z.union([z.number(), z.bigint(), z.string()]).pipe(z.coerce.number().int().min(min)
   * .max(max))}: the double value, or the issues.
   */
  private static double coerceNumber(JsonNode node, Integer min, Double max) {
    double d;
    if (node != null && node.isNumber()) {
      d = Js.number(node);
    } else if (node != null && node.isTextual()) {
      d = Js.toNumber(node.textValue());
    } else {
      throw JsonCodecException.validation(INVALID_UNION);
    }
    if (Double.isNaN(d)) {
      throw JsonCodecException.validation(
          new Issue("invalid_type", "Expected number, received nan"));
    }
    List<Issue> issues = new ArrayList<>();
    if (!Js.isInteger(d)) {
      issues.add(new Issue("invalid_type", "Expected integer, received float"));
    }
    if (min != null && d < min) {
      issues.add(new Issue("too_small", "Number must be greater than or equal to " + min));
    }
    if (max != null && d > max) {
      issues.add(new Issue("too_big", "Number must be less than or equal to " + max.longValue()));
    }
    if (!issues.isEmpty()) {
      throw JsonCodecException.validation(issues);
    }
    return d == 0 ? 0 : d;
  }

  /** {@code z.union([z.bigint(), z.number(), z.string()]).pipe(z.coerce.bigint())}. */
  private static BigInteger coerceBigInt(JsonNode node) {
    if (node != null && node.isNumber()) {
      double d = Js.number(node);
      if (!Js.isInteger(d)) {
        throw JsonCodecException.validation(
            new Issue("invalid_type", "Expected bigint, received number"));
      }
      return Js.exact(d);
    }
    if (node != null && node.isTextual()) {
      BigInteger v = Js.toBigInt(node.textValue());
      if (v == null) {
        throw JsonCodecException.validation(
            new Issue("invalid_type", "Expected bigint, received string"));
      }
      return v;
    }
    throw JsonCodecException.validation(INVALID_UNION);
  }

  private static long saturate(double nonNegativeInteger) {
    return (long) nonNegativeInteger;
  }

  private static long saturateSigned(double integer) {
    return (long) integer;
  }
}
