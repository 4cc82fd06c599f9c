package io.quetzal.ethereum.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.ethereum.rpc.L1RpcConfig;
import io.quetzal.ethereum.rpc.L1RpcException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local anvil on the loopback interface, started the way the official local network starts it
 * ({@code anvil --silent}: default mnemonic, 10 accounts, chain id 31337, automine), plus {@code
 * --host 127.0.0.1 --port <ANVIL_PORT>} and, for a state snapshot, {@code --load-state}. Runs under
 * the watchdog ({@link ManagedProcess}); {@link #close} stops it.
 */
public final class Anvil implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Anvil.class);

  /** anvil's chain id. */
  public static final long CHAIN_ID = 31337;

  /** The official local network's default {@code ANVIL_PORT}. */
  public static final int DEFAULT_PORT = 8545;

  /**
   * How to start anvil.
   *
   * @param port the port on 127.0.0.1 ({@code ANVIL_PORT})
   * @param loadState a state file to start from ({@code --load-state}), or empty
   * @param log where anvil's output goes
   * @param startTimeout how long to wait for the first answer
   */
  public record Options(int port, Optional<Path> loadState, Path log, Duration startTimeout) {
    public Options {
      if (port <= 0 || port > 65535) {
        throw new IllegalArgumentException("ANVIL_PORT " + port + " is not a TCP port");
      }
      Objects.requireNonNull(loadState, "loadState");
      Objects.requireNonNull(log, "log");
      Objects.requireNonNull(startTimeout, "startTimeout");
    }

    public static Options of(int port, Path log) {
      return new Options(port, Optional.empty(), log, Duration.ofSeconds(30));
    }

    public Options withLoadState(Path state) {
      return new Options(port, Optional.of(state), log, startTimeout);
    }
  }

  private final ManagedProcess process;
  private final int port;
  private final L1RpcClient rpc;

  private Anvil(ManagedProcess process, int port, L1RpcClient rpc) {
    this.process = process;
    this.port = port;
    this.rpc = rpc;
  }

  /** The flags the official local network passes (its {@code aztec.sh}: {@code anvil --silent}). */
  public static List<String> officialFlags() {
    return List.of("--silent");
  }

  /** Starts anvil and waits until it answers {@code eth_chainId}. */
  public static Anvil start(L1Toolchain toolchain, Options options) {
    checkPortFree(options.port());
    List<String> cmd = new ArrayList<>();
    cmd.add(toolchain.anvil().toString());
    cmd.addAll(officialFlags());
    cmd.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(options.port())));
    options.loadState().ifPresent(s -> cmd.addAll(List.of("--load-state", s.toString())));
    Map<String, String> env = new HashMap<>(System.getenv());
    ManagedProcess p;
    try {
      Files.deleteIfExists(options.log());
      p = ChildProcesses.start(toolchain.watchdog(), "anvil", cmd, null, env, options.log());
    } catch (IOException e) {
      throw new L1ToolchainException("cannot start anvil: " + e.getMessage(), e);
    }
    URI url = L1RpcClient.loopback(options.port());
    L1RpcClient rpc =
        new L1RpcClient(
            L1RpcConfig.of(List.of(url))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30))
                .withRetries(
                    3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5)));
    Anvil anvil = new Anvil(p, options.port(), rpc);
    try {
      anvil.awaitReady(options.startTimeout());
    } catch (RuntimeException e) {
      anvil.close();
      throw e;
    }
    LOG.info("anvil listening on {} (pid {})", url, p.toolPid().orElse(-1L));
    return anvil;
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    L1RpcClient probe =
        new L1RpcClient(
            L1RpcConfig.of(List.of(url()))
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2))
                .withRetries(1, Duration.ZERO, Duration.ZERO, Duration.ZERO));
    try (probe) {
      while (true) {
        if (!process.isAlive()) {
          throw new L1ToolchainException(
              "anvil exited during start-up (exit "
                  + process.process().exitValue()
                  + ")"
                  + logTail());
        }
        try {
          long chainId = probe.chainId();
          if (chainId != CHAIN_ID) {
            throw new L1ToolchainException(
                "the process on port " + port + " answers chain id " + chainId + ", not anvil's");
          }
          return;
        } catch (L1RpcException e) {
          if (System.nanoTime() > deadline) {
            throw new L1ToolchainException(
                "anvil did not answer on "
                    + url()
                    + " within "
                    + timeout.toSeconds()
                    + " s"
                    + logTail());
          }
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new L1ToolchainException("interrupted while waiting for anvil", e);
        }
      }
    }
  }

  private static void checkPortFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
    } catch (BindException e) {
      throw new L1ToolchainException(
          "port "
              + port
              + " on 127.0.0.1 is already in use: stop what listens there or set ANVIL_PORT to a"
              + " free port");
    } catch (IOException e) {
      throw new L1ToolchainException("cannot check port " + port + ": " + e.getMessage(), e);
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI url() {
    return L1RpcClient.loopback(port);
  }

  public int port() {
    return port;
  }

  /** A client for this anvil (owned by it: closed with it). */
  public L1RpcClient rpc() {
    return rpc;
  }

  /**
   * Makes anvil load its KZG trusted setup now: it does so on the first use of the point-evaluation
   * precompile, which takes 2-3 s (measured) and would otherwise fall on the first blob
   * transaction's gas estimate. Calls the precompile with the empty blob's commitment and proof
   * (the point at infinity) at z = y = 0, a valid opening.
   *
   * @return the precompile's answer: {@code FIELD_ELEMENTS_PER_BLOB} and the BLS modulus
   */
  public String warmUpKzg() {
    byte[] infinity = new byte[48];
    infinity[0] = (byte) 0xc0;
    byte[] versionedHash;
    try {
      versionedHash = java.security.MessageDigest.getInstance("SHA-256").digest(infinity);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    versionedHash[0] = 0x01;
    byte[] input = new byte[32 + 32 + 32 + 48 + 48];
    System.arraycopy(versionedHash, 0, input, 0, 32);
    System.arraycopy(infinity, 0, input, 96, 48);
    System.arraycopy(infinity, 0, input, 144, 48);
    java.util.Map<String, String> call = new java.util.LinkedHashMap<>();
    call.put("to", "0x000000000000000000000000000000000000000a");
    call.put("data", io.quetzal.foundation.bytes.Hex.encode(input));
    return rpc.call("eth_call", call, "latest").asText();
  }

  /** The managed process. */
  public ManagedProcess process() {
    return process;
  }

  /**
   * Writes anvil's current state to {@code file} in the format {@code --load-state} reads (the
   * decompressed answer of {@code anvil_dumpState}, i.e. what {@code --dump-state} writes). The
   * file is written atomically.
   */
  public void dumpState(Path file) {
    JsonNode hex = rpc.call("anvil_dumpState");
    byte[] gz = HexFormat.of().parseHex(hex.asText().substring(2));
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".state", ".tmp");
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write anvil state to " + file, e);
    }
  }

  /** The last lines of anvil's log, for error messages. */
  public String logTail() {
    return process.log().map(Anvil::tail).orElse("");
  }

  static String tail(Path log) {
    try {
      if (!Files.isRegularFile(log)) {
        return "";
      }
      List<String> lines = Files.readAllLines(log);
      List<String> last = lines.subList(Math.max(0, lines.size() - 10), lines.size());
      return last.isEmpty() ? "" : "; last lines of " + log + ": " + String.join(" | ", last);
    } catch (IOException e) {
      return "";
    }
  }

  /** Stops anvil (SIGTERM, then SIGKILL after 10 s). */
  @Override
  public void close() {
    rpc.close();
    process.stop(Duration.ofSeconds(10));
  }
}
