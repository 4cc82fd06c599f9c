package io.quetzal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version line: {@code quetzal <maven version> (compatible with Aztec <version>)}, read from
 * {@code version.properties}, which Maven fills in from the project version at build time.
 */
public final class VersionInfo {
  private static final String RESOURCE = "version.properties";

  private VersionInfo() {}

  /** E.g. {@code quetzal 0.1.0-SNAPSHOT (compatible with Aztec 4.1.2)}. */
  public static String line() {
    Properties p = load();
    return "quetzal "
        + p.getProperty("version", "unknown")
        + " (compatible with Aztec "
        + p.getProperty("aztec.version", "unknown")
        + ")";
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = VersionInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
