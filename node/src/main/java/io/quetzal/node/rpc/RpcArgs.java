package io.quetzal.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quetzal.foundation.json.JsonCodecException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Positional parameters parsed as the official proxy does ({@code parseWithOptionals} over the
 * method's zod tuple with a rest of {@code unknown}): too few values answer {@code -32701 "Array
 * must contain at least <n> element(s) ()"} unless the missing ones are all optional; extra values
 * are ignored; every value's validation issues are collected (their paths prefixed with the
 * parameter index) and answered together as {@code -32701}; a conversion error (e.g. "Tried to
 * create a Fr from an invalid string: abc") answers {@code -32702} straight away.
 *
 * <pre>{@code
 * RpcArgs a = RpcArgs.of(params, 2, 0);
 * BlockParameter block = a.get(0, JsonCodecs::parseBlockParameter);
 * Fr leaf = a.get(1, JsonCodecs::parseFr);
 * a.check();
 * }</pre>
 */
public final class RpcArgs {
  private final ArrayNode params;
  private final List<JsonCodecException.Issue> issues = new ArrayList<>();

  private RpcArgs(ArrayNode params) {
    this.params = params;
  }

  /**
   * @param total the number of parameters of the method
   * @param optional how many of them (the last ones) are optional
   */
  public static RpcArgs of(ArrayNode params, int total, int optional) throws JsonRpcException {
    int missing = total - params.size();
    if (missing > 0 && missing > optional) {
      throw new JsonRpcException(
          JsonRpcException.INVALID_INPUT,
          "Array must contain at least " + total + " element(s) ()");
    }
    return new RpcArgs(params);
  }

  /** The raw value of parameter {@code i} (null when absent). */
  public JsonNode raw(int i) {
    return i < params.size() ? params.get(i) : null;
  }

  /**
   * Parses parameter {@code i}; a validation failure is recorded (null returned), a conversion
   * error is thrown as {@code -32702}.
   */
  public <T> T get(int i, Function<JsonNode, T> parser) throws JsonRpcException {
    try {
      return parser.apply(raw(i));
    } catch (JsonCodecException e) {
      if (e.kind() == JsonCodecException.Kind.ERROR) {
        throw new JsonRpcException(JsonRpcException.INTERNAL, e.getMessage());
      }
      for (JsonCodecException.Issue issue : e.issues()) {
        List<Object> path = new ArrayList<>();
        path.add(i);
        path.addAll(issue.path());
        issues.add(new JsonCodecException.Issue(issue.code(), issue.message(), path));
      }
      return null;
    }
  }

  /** Records a validation issue on parameter {@code i} (path {@code i.sub...}). */
  public void issue(int i, String message, Object... sub) {
    List<Object> path = new ArrayList<>();
    path.add(i);
    path.addAll(List.of(sub));
    issues.add(new JsonCodecException.Issue("custom", message, path));
  }

  /** Throws {@code -32701} with every recorded issue, if any. */
  public void check() throws JsonRpcException {
    if (!issues.isEmpty()) {
      throw new JsonRpcException(
          JsonRpcException.INVALID_INPUT, JsonCodecException.validation(issues).getMessage());
    }
  }
}
