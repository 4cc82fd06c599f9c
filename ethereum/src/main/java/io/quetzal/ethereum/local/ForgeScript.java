package io.quetzal.ethereum.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a forge deploy script the way the official deployer does.
 *
 * <ul>
 *   <li>{@link #prepareWorkspace}: a private copy of {@code l1-contracts} with file times preserved
 *       (forge's cache is valid only then; the large read-only {@code out/} and {@code lib/} are
 *       hard links when possible), the {@code solc = "./solc-*"} path made absolute and an empty
 *       {@code broadcast/} ({@code prepareL1ContractsForDeployment});
 *   <li>{@link #broadcast}: {@code forge script <args> --broadcast --batch-size 8}, with a timeout
 *       per attempt and retries, as {@code l1-artifacts/scripts/forge_broadcast.js} does (50 s per
 *       attempt off mainnet and Sepolia, 3 retries after 10 s; on anvil a retry starts from scratch
 *       with {@code broadcast/} removed, elsewhere it {@code --resume}s), then the line starting
 *       {@code JSON DEPLOY RESULT:} is parsed.
 * </ul>
 *
 * forge runs natively (no Node.js wrapper) under the watchdog, offline, with the solc stand-in.
 */
public final class ForgeScript {
  /** The prefix of the deploy script's result line. */
  public static final String RESULT_PREFIX = "JSON DEPLOY RESULT:";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int BATCH_SIZE = 8;
  private static final List<String> COPIED =
      List.of("cache", "src", "script", "generated", "test", "foundry.lock");

  /**
   * Read-only inputs, hard-linked rather than copied when the workspace is on the same file system
   * (out/ is 112 MB; a copy costs about a second, links 70 ms). forge only reads them (checked:
   * after a broadcast only cache/ and broadcast/ have changed, and cache/ is a copy).
   */
  private static final List<String> LINKED = List.of("out", "lib");

  private static final Pattern SOLC_PATH = Pattern.compile("solc\\s*=\\s*\"\\./solc-([^\"]+)\"");

  /**
   * Retry policy.
   *
   * @param attemptTimeout time allowed for one forge run
   * @param maxRetries retries after the first attempt
   * @param retryDelay wait before a retry
   */
  public record Policy(Duration attemptTimeout, int maxRetries, Duration retryDelay) {
    /** forge_broadcast.js's policy for a chain. */
    public static Policy forChain(long chainId) {
      boolean slow = chainId == 1 || chainId == 11_155_111;
      return new Policy(Duration.ofSeconds(slow ? 300 : 50), 3, Duration.ofSeconds(10));
    }
  }

  /** A successful run: the parsed result line, how many attempts it took and the log. */
  public record Result(JsonNode result, int attempts, Path log) {}

  private ForgeScript() {}

  /** Copies {@code l1-contracts} into {@code dir} (created) for one deployment. */
  public static Path prepareWorkspace(L1Toolchain toolchain, Path dir) throws IOException {
    Path base = toolchain.l1Contracts();
    Files.createDirectories(dir);
    for (String name : LINKED) {
      copyTree(base.resolve(name), dir.resolve(name), true);
    }
    for (String name : COPIED) {
      copyTree(base.resolve(name), dir.resolve(name), false);
    }
    String toml = Files.readString(base.resolve("foundry.toml"));
    Matcher m = SOLC_PATH.matcher(toml);
    if (m.find()) {
      String abs = base.resolve("solc-" + m.group(1)).toString();
      toml = m.replaceFirst(Matcher.quoteReplacement("solc = \"" + abs + "\""));
    }
    Files.writeString(dir.resolve("foundry.toml"), toml);
    Files.createDirectories(dir.resolve("broadcast"));
    return dir;
  }

  /**
   * Broadcasts {@code script} from {@code workspace}.
   *
   * @param args forge script arguments without {@code --broadcast}/{@code --batch-size}
   * @param scriptEnvironment the variables the script reads (see {@link
   *     AztecL1DeployArgs#forgeEnvironment()})
   * @param onAnvil whether the target is anvil (retries start from scratch)
   * @param log where forge's output goes (appended, one section per attempt)
   */
  public static Result broadcast(
      L1Toolchain toolchain,
      Path workspace,
      List<String> args,
      Map<String, String> scriptEnvironment,
      boolean onAnvil,
      Policy policy,
      Path log,
      Consumer<String> progress) {
    Map<String, String> env = environment(toolchain, scriptEnvironment);
    JsonNode firstResult = null;
    for (int attempt = 1; attempt <= policy.maxRetries() + 1; attempt++) {
      List<String> cmd = new ArrayList<>();
      cmd.add(toolchain.forge().toString());
      cmd.add("script");
      cmd.addAll(args);
      cmd.add("--broadcast");
      cmd.add("--batch-size");
      cmd.add(Integer.toString(BATCH_SIZE));
      boolean resume = attempt > 1 && !onAnvil;
      if (resume) {
        cmd.add("--resume");
      }
      if (attempt > 1 && onAnvil) {
        try {
          L1ToolchainInstaller.deleteRecursively(workspace.resolve("broadcast"));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      progress.accept(
          "forge script (attempt "
              + attempt
              + "/"
              + (policy.maxRetries() + 1)
              + ")"
              + (resume ? " --resume" : ""));
      Path attemptLog = log.resolveSibling(log.getFileName() + ".attempt" + attempt);
      Outcome o = runOnce(toolchain, cmd, workspace, env, policy.attemptTimeout(), attemptLog);
      appendTo(log, attemptLog);
      if (firstResult == null) {
        firstResult = o.result;
      }
      if (o.exitCode == 0) {
        JsonNode result = resume ? firstResult : o.result;
        if (result == null) {
          throw new L1ToolchainException(
              "forge script finished but printed no '" + RESULT_PREFIX + "' line; see " + log);
        }
        return new Result(result, attempt, log);
      }
      String why =
          o.exitCode == TIMEOUT
              ? "timed out after " + policy.attemptTimeout().toSeconds() + " s"
              : "failed (exit " + o.exitCode + ")";
      progress.accept("forge script attempt " + attempt + " " + why);
      if (attempt == policy.maxRetries() + 1) {
        throw new L1ToolchainException(
            "forge script "
                + why
                + " on every one of "
                + attempt
                + " attempts; see "
                + log
                + tail(log));
      }
      try {
        Thread.sleep(policy.retryDelay());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new L1ToolchainException("interrupted between forge attempts", e);
      }
    }
    throw new IllegalStateException("unreachable");
  }

  /** The process environment for forge: ours, minus what the scripts read, plus the given. */
  static Map<String, String> environment(L1Toolchain toolchain, Map<String, String> script) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.keySet().removeIf(k -> k.startsWith("FOUNDRY_") || k.startsWith("ETH_"));
    env.keySet().removeAll(AztecL1DeployArgs.SCRIPT_VARIABLES);
    env.putAll(toolchain.forgeEnvironment());
    env.putAll(script);
    return env;
  }

  private static final int TIMEOUT = 124;

  private record Outcome(int exitCode, JsonNode result) {}

  private static Outcome runOnce(
      L1Toolchain toolchain,
      List<String> cmd,
      Path workspace,
      Map<String, String> env,
      Duration timeout,
      Path log) {
    ManagedProcess forge;
    try {
      Files.deleteIfExists(log);
      forge = ChildProcesses.start(toolchain.watchdog(), "forge", cmd, workspace, env, log);
    } catch (IOException e) {
      throw new L1ToolchainException("cannot start forge: " + e.getMessage(), e);
    }
    Optional<Integer> rc;
    try {
      rc = forge.waitFor(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      forge.stop(Duration.ofSeconds(5));
      throw new L1ToolchainException("interrupted while forge was deploying", e);
    }
    if (rc.isEmpty()) {
      forge.stop(Duration.ofSeconds(15));
      return new Outcome(TIMEOUT, parseResult(log));
    }
    return new Outcome(rc.get(), parseResult(log));
  }

  /** The JSON of the first {@code JSON DEPLOY RESULT:} line of a log, if any. */
  static JsonNode parseResult(Path log) {
    List<String> lines;
    try {
      lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String line : lines) {
      String t = line.strip();
      if (t.startsWith(RESULT_PREFIX)) {
        String json = t.substring(RESULT_PREFIX.length()).strip();
        try {
          return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
          throw new L1ToolchainException(
              "cannot parse the deploy result: " + json.substring(0, Math.min(200, json.length())),
              e);
        }
      }
    }
    return null;
  }

  private static void appendTo(Path log, Path part) {
    try {
      if (Files.exists(part)) {
        Files.write(
            log,
            Files.readAllBytes(part),
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
        Files.delete(part);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(Path log) {
    return Anvil.tail(log);
  }

  private static void copyTree(Path from, Path to, boolean link) throws IOException {
    if (!Files.exists(from)) {
      return;
    }
    boolean[] linking = {link};
    if (Files.isRegularFile(from)) {
      Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Path target = to.resolve(from.relativize(file).toString());
            if (linking[0]) {
              try {
                Files.createLink(target, file);
                return FileVisitResult.CONTINUE;
              } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
                linking[0] = false; // another file system: copy from here on
              }
            }
            Files.copy(
                file,
                target,
                StandardCopyOption.COPY_ATTRIBUTES,
                StandardCopyOption.REPLACE_EXISTING);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
