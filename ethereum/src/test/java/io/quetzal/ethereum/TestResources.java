package io.quetzal.ethereum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Test helpers: resources and free loopback ports. */
public final class TestResources {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TestResources() {}

  /** A JSON resource of package io.quetzal.ethereum. */
  public static JsonNode json(String name) {
    try (InputStream in = TestResources.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The official local network's facts (rollup version, addresses, commitments). */
  public static JsonNode officialLocalNetwork() {
    return json("official-local-network-4.1.2.json");
  }

  /** A port that was free on 127.0.0.1 a moment ago. */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
