package io.quetzal.cli.config;

import java.net.Inet6Address;
import java.util.regex.Pattern;

/** IP literal checks that never resolve names (no DNS during configuration). */
public final class IpAddresses {
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
              + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

  private IpAddresses() {}

  /** True for a dotted-quad IPv4 address or an IPv6 literal (without brackets). */
  public static boolean isLiteral(String text) {
    if (IPV4.matcher(text).matches()) {
      return true;
    }
    if (!text.contains(":")) {
      return false;
    }
    try {
      Inet6Address.ofLiteral(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
