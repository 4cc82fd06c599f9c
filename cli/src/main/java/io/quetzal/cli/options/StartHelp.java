package io.quetzal.cli.options;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of {@code quetzal start --help}: options grouped by {@link Area}, each with all its
 * spellings, its environment variables and its built-in default.
 *
 * <p>It renders the table, never the environment: what the operator has set is not echoed, so no
 * secret can appear here. Secret options show no value at all.
 */
public final class StartHelp {
  private static final int WIDTH = 100;
  private static final String INDENT = "        ";

  private StartHelp() {}

  public static String render(String version) {
    StringBuilder out = new StringBuilder();
    out.append("Usage: quetzal start [--node] [--archiver] [--sequencer] [--local-network]")
        .append(" [OPTIONS]\n\n");
    out.append(version).append("\n\n");
    wrap(
        out,
        "Starts the given Aztec node roles, as a drop-in for 'aztec start'. Every option can also be set through its"
            + " environment variable. A flag wins over the environment, which wins over the"
            + " --network preset, which wins over the built-in default. Boolean options take"
            + " true, false, 1 or 0, and a bare flag means true (--p2p-enabled,"
            + " --p2p-enabled=false). Lists are comma-separated.",
        "");
    for (Area area : Area.values()) {
      out.append('\n').append(area.title()).append('\n');
      for (OptionDef<?> def : OptionTable.ALL) {
        if (def.area() == area) {
          renderOption(out, def);
        }
      }
    }
    out.append("\nGeneral\n");
    out.append("  -h, --help\n");
    wrap(out, "Show this help and exit.", INDENT);
    out.append("  -V, --version\n");
    wrap(out, "Print the version and exit.", INDENT);
    return out.toString();
  }

  private static void renderOption(StringBuilder out, OptionDef<?> def) {
    out.append("  ").append(String.join(", ", def.names()));
    if (!def.paramLabel().isEmpty()) {
      out.append(' ').append(def.paramLabel());
    }
    out.append('\n');
    wrap(out, def.description() == null ? "" : def.description(), INDENT);
    List<String> facts = new ArrayList<>();
    if (!def.envVars().isEmpty()) {
      facts.add("env: " + String.join(", ", def.envVars()));
    }
    facts.add(defaultText(def));
    wrap(out, String.join("  |  ", facts), INDENT);
  }

  private static String defaultText(OptionDef<?> def) {
    String text =
        switch (def.presence()) {
          case DEFAULTED ->
              "default: " + (def.defaultValue().isEmpty() ? "\"\"" : def.defaultValue());
          case OPTIONAL -> "unset: " + def.unsetMeaning();
          case REQUIRED -> "required: " + def.unsetMeaning();
          case SWITCH -> "default: off";
          case null -> "default: ?";
        };
    return def.secret() ? text + "  |  secret: never printed" : text;
  }

  /** Appends {@code text} word-wrapped to {@link #WIDTH}, each line indented. */
  private static void wrap(StringBuilder out, String text, String indent) {
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.split(" ")) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
        out.append(line).append('\n');
        line = new StringBuilder(indent);
      }
      if (line.length() > indent.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    out.append(line).append('\n');
  }
}
