package io.quetzal.ethereum.archive;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The successful {@code CALL}s to one contract with one selector in a transaction's execution
 * trace, from either trace format (the official {@code trace_tx.ts} and {@code debug_tx.ts}).
 *
 * <p>Both answers are first checked against the official node's schema as a whole (required fields
 * present, hex fields hex, optional fields absent rather than {@code null}); any violation is an
 * {@link L1DecodeException}, as a failed trace request is. Then:
 *
 * <ul>
 *   <li>{@code trace_transaction} (Parity/Erigon/Reth/anvil): a flat list. A trace counts when its
 *       {@code type} is {@code "call"}, its {@code action.callType} is {@code call} (any case, so
 *       no delegate or static calls), its {@code action.to} is the target, its {@code action.input}
 *       starts with the selector, it has a {@code result}, it has no {@code error}, and none of its
 *       ancestors (the proper non-empty prefixes of its {@code traceAddress}) has an error.
 *   <li>{@code debug_traceTransaction} with {@code callTracer} (Geth): a tree. A frame with an
 *       {@code error} is skipped with everything under it; otherwise a frame counts when its {@code
 *       type} is {@code CALL} (any case), its {@code to} is the target and its {@code input} starts
 *       with the selector.
 * </ul>
 *
 * An empty {@code error} string does not count as an error (the official tests truthiness).
 */
public final class TracedCalls {
  /** {@code isHex} of the official schemas: an optional {@code 0x} and any number of hex digits. */
  private static final Pattern HEX = Pattern.compile("^(0x)?[0-9a-fA-F]*$");

  /**
   * One matching call.
   *
   * @param from the caller
   * @param gasUsed the gas it used, when the trace says
   * @param input its calldata, 0x-hex as the trace gave it
   * @param value the wei it carried (zero when the trace omits it)
   */
  public record TracedCall(
      EthAddress from, Optional<BigInteger> gasUsed, String input, BigInteger value) {}

  private record ParityTrace(
      String type,
      String callType,
      String from,
      String to,
      String input,
      String value,
      boolean hasResult,
      String gasUsed,
      String error,
      List<Double> traceAddress) {}

  private record CallFrame(
      String type,
      String from,
      String to,
      String input,
      String value,
      String gasUsed,
      String error,
      List<CallFrame> calls) {}

  private TracedCalls() {}

  /**
   * The matching calls in a {@code trace_transaction} answer.
   *
   * @param selector the 4-byte selector, 0x-hex or bare
   * @throws L1DecodeException when the answer does not fit the schema or a matching call has an
   *     unreadable sender, value or gas
   */
  public static List<TracedCall> fromTraceTransaction(
      JsonNode result, EthAddress target, String selector) {
    List<ParityTrace> traces = parseParity(result);
    String to = target.toString();
    String sel = withPrefix(selector.toLowerCase(Locale.ROOT));

    Set<List<Double>> errored = new HashSet<>();
    for (ParityTrace t : traces) {
      if (isError(t.error())) {
        errored.add(t.traceAddress());
      }
    }
    List<TracedCall> out = new ArrayList<>();
    for (ParityTrace t : traces) {
      if (isError(t.error()) || descendsFromError(t.traceAddress(), errored)) {
        continue;
      }
      if (t.type().equals("call")
          && t.callType().toLowerCase(Locale.ROOT).equals("call")
          && t.to() != null
          && t.to().toLowerCase(Locale.ROOT).equals(to)
          && t.input() != null
          && t.input().toLowerCase(Locale.ROOT).startsWith(sel)
          && t.hasResult()) {
        out.add(call(t.from(), t.gasUsed(), t.input(), t.value(), "trace_transaction"));
      }
    }
    return out;
  }

  /**
   * The matching calls in a {@code debug_traceTransaction} answer with the {@code callTracer}.
   *
   * @param selector the 4-byte selector, 0x-hex or bare
   * @throws L1DecodeException when the answer does not fit the schema or a matching call has an
   *     unreadable sender, value or gas
   */
  public static List<TracedCall> fromDebugTraceTransaction(
      JsonNode result, EthAddress target, String selector) {
    CallFrame root = parseFrame(result, "debug_traceTransaction result", 0);
    List<TracedCall> out = new ArrayList<>();
    collect(root, target.toString(), withPrefix(selector.toLowerCase(Locale.ROOT)), out);
    return out;
  }

  private static void collect(CallFrame f, String to, String sel, List<TracedCall> out) {
    if (isError(f.error())) {
      return; // a failed frame and everything under it
    }
    if (f.type().toUpperCase(Locale.ROOT).equals("CALL")
        && f.to() != null
        && f.to().toLowerCase(Locale.ROOT).equals(to)
        && f.input() != null
        && f.input().toLowerCase(Locale.ROOT).startsWith(sel)) {
      out.add(call(f.from(), f.gasUsed(), f.input(), f.value(), "debug_traceTransaction"));
    }
    for (CallFrame c : f.calls()) {
      collect(c, to, sel, out);
    }
  }

  /** Ancestors are the prefixes of length 1 .. n-1 (the root's empty address is not one). */
  private static boolean descendsFromError(List<Double> address, Set<List<Double>> errored) {
    for (int i = 1; i < address.size(); i++) {
      if (errored.contains(address.subList(0, i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isError(String error) {
    return error != null && !error.isEmpty();
  }

  private static TracedCall call(
      String from, String gasUsed, String input, String value, String source) {
    EthAddress sender;
    try {
      sender = EthAddress.fromString(from);
    } catch (IllegalArgumentException e) {
      throw new L1DecodeException(source + ": the sender " + from + " is not an address", e);
    }
    Optional<BigInteger> gas =
        gasUsed == null ? Optional.empty() : Optional.of(quantity(gasUsed, "gasUsed", source));
    BigInteger wei = value == null ? BigInteger.ZERO : quantity(value, "value", source);
    return new TracedCall(sender, gas, input, wei);
  }

  /** A 0x-prefixed hex number; {@code 0x} alone is not one. */
  private static BigInteger quantity(String hex, String field, String source) {
    String digits = hex.substring(2);
    if (digits.isEmpty()) {
      throw new L1DecodeException(source + ": " + field + " " + hex + " is not a number");
    }
    return new BigInteger(digits, 16);
  }

  private static List<ParityTrace> parseParity(JsonNode result) {
    String what = "trace_transaction result";
    if (result == null || !result.isArray()) {
      throw new L1DecodeException(what + " is not an array");
    }
    List<ParityTrace> out = new ArrayList<>(result.size());
    for (int i = 0; i < result.size(); i++) {
      JsonNode t = result.get(i);
      String at = what + "[" + i + "]";
      requireObject(t, at);
      JsonNode action = t.get("action");
      requireObject(action, at + ".action");
      String from = hex(action, "from", true, at + ".action");
      String to = hex(action, "to", false, at + ".action");
      String callType = string(action, "callType", true, at + ".action");
      hex(action, "gas", false, at + ".action");
      String input = hex(action, "input", false, at + ".action");
      String value = hex(action, "value", false, at + ".action");
      boolean hasResult = t.has("result");
      String gasUsed = null;
      if (hasResult) {
        JsonNode r = t.get("result");
        requireObject(r, at + ".result");
        gasUsed = hex(r, "gasUsed", false, at + ".result");
        hex(r, "output", false, at + ".result");
      }
      String error = string(t, "error", false, at);
      JsonNode subtraces = t.get("subtraces");
      if (subtraces == null || !subtraces.isNumber()) {
        throw new L1DecodeException(at + ".subtraces is not a number");
      }
      JsonNode addr = t.get("traceAddress");
      if (addr == null || !addr.isArray()) {
        throw new L1DecodeException(at + ".traceAddress is not an array");
      }
      List<Double> address = new ArrayList<>(addr.size());
      for (JsonNode a : addr) {
        if (!a.isNumber()) {
          throw new L1DecodeException(at + ".traceAddress has a non-number " + a);
        }
        address.add(a.asDouble() + 0.0); // -0 is 0, as in the official's JSON keys
      }
      String type = string(t, "type", true, at);
      out.add(
          new ParityTrace(
              type,
              callType,
              from,
              to,
              input,
              value,
              hasResult,
              gasUsed,
              error,
              List.copyOf(address)));
    }
    return out;
  }

  private static CallFrame parseFrame(JsonNode f, String at, int depth) {
    if (depth > 2048) {
      throw new L1DecodeException(at + " is nested too deeply");
    }
    requireObject(f, at);
    String from = hex(f, "from", true, at);
    String to = hex(f, "to", false, at);
    String type = string(f, "type", true, at);
    String input = hex(f, "input", false, at);
    hex(f, "output", false, at);
    hex(f, "gas", false, at);
    String gasUsed = hex(f, "gasUsed", false, at);
    String value = hex(f, "value", false, at);
    String error = string(f, "error", false, at);
    List<CallFrame> calls = new ArrayList<>();
    if (f.has("calls")) {
      JsonNode cs = f.get("calls");
      if (!cs.isArray()) {
        throw new L1DecodeException(at + ".calls is not an array");
      }
      for (int i = 0; i < cs.size(); i++) {
        calls.add(parseFrame(cs.get(i), at + ".calls[" + i + "]", depth + 1));
      }
    }
    return new CallFrame(type, from, to, input, value, gasUsed, error, List.copyOf(calls));
  }

  private static void requireObject(JsonNode n, String at) {
    if (n == null || !n.isObject()) {
      throw new L1DecodeException(at + " is not an object");
    }
  }

  /** A string field: absent gives null when optional; a present null is not a string. */
  private static String string(JsonNode obj, String name, boolean required, String at) {
    JsonNode v = obj.get(name);
    if (v == null) {
      if (required) {
        throw new L1DecodeException(at + "." + name + " is missing");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw new L1DecodeException(at + "." + name + " is not a string: " + v);
    }
    return v.asText();
  }

  /** A hex string field, returned with a 0x prefix. */
  private static String hex(JsonNode obj, String name, boolean required, String at) {
    String s = string(obj, name, required, at);
    if (s == null) {
      return null;
    }
    if (!HEX.matcher(s).matches()) {
      throw new L1DecodeException(at + "." + name + " is not a hex string");
    }
    return withPrefix(s);
  }

  private static String withPrefix(String s) {
    return s.startsWith("0x") ? s : "0x" + s;
  }
}
