package io.quetzal.cli.start;

import io.quetzal.cli.config.StartConfig;
import io.quetzal.cli.config.Urls;
import io.quetzal.foundation.types.EthAddress;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The short summary {@code start} prints before launching: roles, network, L1, ports, storage and
 * the addresses of the configured keys.
 *
 * <p>Redacted by construction: keys are shown only as the addresses they control, and URLs only as
 * scheme, host and port (RPC URLs often carry an API key in the path or query).
 */
public final class ConfigSummary {
  private ConfigSummary() {}

  public static String render(StartConfig c, String version) {
    StringBuilder out = new StringBuilder();
    out.append(version).append('\n');
    line(out, "roles", String.join(", ", c.roles().names()));
    line(out, "network", c.network().id() + " (L1 chain id " + c.l1().chainId() + ")");
    line(out, "L1 execution", urls(c.l1().rpcUrls()));
    line(out, "L1 consensus", urls(c.l1().consensusHostUrls()));
    line(
        out,
        "registry",
        c.l1().registryAddress().map(EthAddress::toChecksumString).orElse("(none)"));
    line(
        out,
        "rollup",
        c.l1().rollupVersion().isPresent()
            ? "version " + c.l1().rollupVersion().getAsLong()
            : "canonical");
    line(
        out,
        "ports",
        "json-rpc "
            + c.rpc().port()
            + ", admin "
            + c.rpc().adminPort()
            + ", p2p "
            + (c.p2p().enabled() ? c.p2p().port() + " (tcp+udp)" : "disabled"));
    line(
        out,
        "data directory",
        c.storage().dataDirectory().map(Object::toString).orElse("(in memory)"));
    line(
        out,
        "validators",
        c.roles().localNetwork() && c.validator().addresses().isEmpty()
            ? "4 local-network validators (anvil accounts 0-3)"
            : addresses(c.validator().addresses()));
    if (c.roles().runsSequencer()) {
      line(
          out,
          "publishers",
          c.publisher().addresses().isEmpty()
              ? "(the first validator key)"
              : addresses(c.publisher().addresses()));
      line(
          out,
          "coinbase",
          c.validator()
              .coinbase()
              .map(EthAddress::toChecksumString)
              .orElse("(the attester address)"));
    }
    line(out, "log level", c.logging().toSpec());
    return out.toString();
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append("  ").append(String.format("%-15s", label)).append(value).append('\n');
  }

  private static String urls(List<URI> urls) {
    return urls.isEmpty()
        ? "(none)"
        : urls.stream().map(Urls::redacted).collect(Collectors.joining(", "));
  }

  private static String addresses(List<EthAddress> addresses) {
    if (addresses.isEmpty()) {
      return "(none)";
    }
    return addresses.size()
        + (addresses.size() == 1 ? " key: " : " keys: ")
        + addresses.stream().map(EthAddress::toChecksumString).collect(Collectors.joining(", "));
  }
}
