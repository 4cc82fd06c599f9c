package io.quetzal.ethereum.archive;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of an {@code eth_getLogs} answer (or of a receipt's {@code logs}).
 *
 * @param address the emitting contract
 * @param topics topic 0 (the event signature hash) and the indexed arguments
 * @param data the ABI-encoded non-indexed arguments
 * @param ref where on L1 the log is
 */
public record L1Log(EthAddress address, List<Bytes32> topics, byte[] data, L1EventRef ref) {
  public L1Log {
    topics = List.copyOf(topics);
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** Topic {@code i}; throws {@link L1DecodeException} naming the event when it is missing. */
  public Bytes32 topic(int i, String event) {
    if (i >= topics.size()) {
      throw new L1DecodeException(
          event
              + " log in tx "
              + ref.txHash()
              + " has "
              + topics.size()
              + " topics, expected more");
    }
    return topics.get(i);
  }

  /** Parses one JSON-RPC log object; throws {@link L1DecodeException} on a malformed one. */
  public static L1Log fromJson(JsonNode log) {
    if (log == null || !log.isObject()) {
      throw new L1DecodeException("eth_getLogs: expected a log object, got " + log);
    }
    try {
      List<Bytes32> topics = new ArrayList<>();
      JsonNode t = log.path("topics");
      if (!t.isArray()) {
        throw new L1DecodeException("eth_getLogs: log without a topics array: " + brief(log));
      }
      for (JsonNode topic : t) {
        topics.add(Bytes32.fromHex(topic.asText()));
      }
      String dataHex = text(log, "data");
      byte[] data = Hex.decode(dataHex);
      L1EventRef ref =
          new L1EventRef(
              quantity(log, "blockNumber"),
              Bytes32.fromHex(text(log, "blockHash")),
              Bytes32.fromHex(text(log, "transactionHash")),
              quantity(log, "logIndex"),
              log.path("removed").asBoolean(false),
              log.hasNonNull("blockTimestamp")
                  ? java.util.OptionalLong.of(quantity(log, "blockTimestamp"))
                  : java.util.OptionalLong.empty());
      return new L1Log(EthAddress.fromString(text(log, "address")), topics, data, ref);
    } catch (L1DecodeException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new L1DecodeException("eth_getLogs: malformed log " + brief(log) + ": " + e, e);
    }
  }

  /** Parses an {@code eth_getLogs} result array. */
  public static List<L1Log> listFromJson(JsonNode result) {
    if (result == null || !result.isArray()) {
      throw new L1DecodeException("eth_getLogs: expected an array, got " + brief(result));
    }
    List<L1Log> out = new ArrayList<>(result.size());
    for (JsonNode l : result) {
      out.add(fromJson(l));
    }
    return out;
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new L1DecodeException("missing or non-text field '" + field + "' in " + brief(n));
    }
    return v.asText();
  }

  static long quantity(JsonNode n, String field) {
    String s = text(n, field);
    if (!s.startsWith("0x") || s.length() < 3 || s.length() > 18) {
      throw new L1DecodeException("field '" + field + "' is not a hex quantity: " + s);
    }
    try {
      return new BigInteger(s.substring(2), 16).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new L1DecodeException("field '" + field + "' is not a hex quantity: " + s, e);
    }
  }

  static String brief(JsonNode n) {
    return Bytes32.snippet(String.valueOf(n));
  }
}
