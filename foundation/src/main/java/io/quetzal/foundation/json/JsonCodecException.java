package io.quetzal.foundation.json;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A JSON value the official schemas would refuse. Two kinds, as the official JSON-RPC server tells
 * them apart:
 *
 * <ul>
 *   <li>{@link Kind#VALIDATION}: the zod schema reported {@link Issue}s (the server answers {@code
 *       -32701} with {@code "<message> (<path>)"} per issue, joined by {@code ". "}; see {@link
 *       #rpcMessage(int)});
 *   <li>{@link Kind#ERROR}: a conversion threw a plain error, e.g. {@code "Tried to create a Fr
 *       from an invalid string: abc"} (the server answers {@code -32702} with that message).
 * </ul>
 *
 * Messages quote the offending input as the official ones do; no secret is ever parsed here.
 */
public final class JsonCodecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Which of the two official failure kinds this is. */
  public enum Kind {
    VALIDATION,
    ERROR
  }

  /**
   * One zod issue.
   *
   * @param code zod's issue code ({@code custom}, {@code invalid_type}, {@code too_small}, {@code
   *     too_big}, {@code invalid_union}, {@code invalid_literal})
   * @param message zod's message
   * @param path the path inside the parsed value (empty for the value itself)
   */
  public record Issue(String code, String message, List<Object> path) {
    public Issue {
      path = List.copyOf(path);
    }

    public Issue(String code, String message) {
      this(code, message, List.of());
    }
  }

  private final Kind kind;
  private final transient List<Issue> issues;

  private JsonCodecException(Kind kind, String message, List<Issue> issues) {
    super(message);
    this.kind = kind;
    this.issues = List.copyOf(issues);
  }

  /** A validation failure with the given issues (at least one). */
  public static JsonCodecException validation(List<Issue> issues) {
    return new JsonCodecException(Kind.VALIDATION, format(issues, List.of()), issues);
  }

  public static JsonCodecException validation(Issue issue) {
    return validation(List.of(issue));
  }

  /** A conversion error with the official message. */
  public static JsonCodecException error(String message) {
    return new JsonCodecException(Kind.ERROR, message, List.of());
  }

  public Kind kind() {
    return kind;
  }

  /** The zod issues (empty for {@link Kind#ERROR}). */
  public List<Issue> issues() {
    return issues;
  }

  /**
   * The message the official server sends when this value was parameter {@code paramIndex}: the
   * issues with the index prepended to their paths, or the error message.
   */
  public String rpcMessage(int paramIndex) {
    if (kind == Kind.ERROR) {
      return getMessage();
    }
    return format(issues, List.of(paramIndex));
  }

  /** The same failure with {@code prefix} prepended to every issue path (for nested values). */
  public JsonCodecException under(Object prefix) {
    if (kind == Kind.ERROR) {
      return this;
    }
    List<Issue> moved = new ArrayList<>();
    for (Issue issue : issues) {
      List<Object> path = new ArrayList<>();
      path.add(prefix);
      path.addAll(issue.path());
      moved.add(new Issue(issue.code(), issue.message(), path));
    }
    return validation(moved);
  }

  private static String format(List<Issue> issues, List<Object> prefix) {
    String joined =
        issues.stream()
            .map(
                i -> {
                  List<Object> path = new ArrayList<>(prefix);
                  path.addAll(i.path());
                  String p = path.stream().map(String::valueOf).collect(Collectors.joining("."));
                  return i.message() + " (" + p + ")";
                })
            .collect(Collectors.joining(". "));
    return joined.isEmpty() ? "Validation error" : joined;
  }
}
