package io.quetzal.ethereum.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Installs the L1 toolchain on first use and finds it afterwards.
 *
 * <p>The pinned {@code package.json} and {@code package-lock.json} (resources next to this class:
 * {@code @foundry-rs/anvil@1.7.1}, {@code @foundry-rs/forge@1.5.1}, {@code
 * @aztec/l1-artifacts@4.1.2}, integrity hashes and no registry URLs) are installed with {@code npm
 * install --ignore-scripts --no-audit --no-fund} into {@code <cache>/l1-toolchain/<versionKey>/},
 * where the key is the Aztec version and a digest of the two files. A stamp file written last marks a
 * complete install; later starts check it and the binaries' versions, and go on. A file lock
 * serialises concurrent installs (two JVMs, or tests and a node). Progress goes to the given
 * listener, one line at a time (npm's fetch lines included).
 *
 * <p>The cache root is {@code $QUETZAL_CACHE}, else {@code ~/.cache/quetzal}. Deleting {@code
 * <cache>/l1-toolchain} resets it.
 */
public final class L1ToolchainInstaller {
  private static final String RESOURCES = "toolchain/";
  private static final String STAMP = ".installed";
  private static final Pattern UNREACHABLE =
      Pattern.compile(
          "ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|ECONNRESET|EHOSTUNREACH|ENETUNREACH"
              + "|network request|FETCH_ERROR|socket hang up|getaddrinfo|request to \\S+ failed",
          Pattern.CASE_INSENSITIVE);

  /**
   * solc stand-in: answers {@code --version} as solc 0.8.30; anything else is an error, since the
   * shipped build cache means forge never compiles.
   */
  static final String SOLC_STUB =
      """
      #!/bin/sh
      # Quetzal's stand-in for solc (FOUNDRY_SOLC). forge only asks it for its version: the build
      # cache shipped in @aztec/l1-artifacts is valid, so nothing is ever compiled.
      if [ "$1" = "--version" ]; then
        echo "solc, the solidity compiler commandline interface"
        echo "Version: %s"
        exit 0
      fi
      echo "quetzal: forge asked solc to compile, but the @aztec/l1-artifacts build cache should make that unnecessary; delete $(dirname "$(dirname "$0")") to reinstall the L1 tooling" >&2
      exit 1
      """
          .formatted(L1Toolchain.SOLC_VERSION);

  /**
   * Installer settings.
   *
   * @param cacheRoot the cache root ({@link #defaultCacheRoot})
   * @param npm the npm command ("npm", found on PATH)
   * @param installTimeout time allowed for {@code npm install}
   * @param npmEnvironment extra environment for npm (e.g. {@code npm_config_registry})
   * @param progress receives progress lines
   */
  public record Options(
      Path cacheRoot,
      String npm,
      Duration installTimeout,
      Map<String, String> npmEnvironment,
      Consumer<String> progress) {
    public Options {
      Objects.requireNonNull(cacheRoot, "cacheRoot");
      Objects.requireNonNull(npm, "npm");
      Objects.requireNonNull(installTimeout, "installTimeout");
      npmEnvironment = Map.copyOf(npmEnvironment);
      Objects.requireNonNull(progress, "progress");
    }

    /** The default cache root, npm from PATH, 10 minutes, progress to the given listener. */
    public static Options defaults(Consumer<String> progress) {
      return new Options(defaultCacheRoot(), "npm", Duration.ofMinutes(10), Map.of(), progress);
    }

    public Options withCacheRoot(Path root) {
      return new Options(root, npm, installTimeout, npmEnvironment, progress);
    }

    public Options withNpm(String npmCommand, Map<String, String> env) {
      return new Options(cacheRoot, npmCommand, installTimeout, env, progress);
    }
  }

  private final Options options;

  public L1ToolchainInstaller(Options options) {
    this.options = options;
  }

  /** {@code $QUETZAL_CACHE}, else {@code ~/.cache/quetzal}. */
  public static Path defaultCacheRoot() {
    return defaultCacheRoot(System.getenv());
  }

  /** {@code QUETZAL_CACHE} of {@code env}, else {@code ~/.cache/quetzal}. */
  public static Path defaultCacheRoot(Map<String, String> env) {
    String c = env.get("QUETZAL_CACHE");
    if (c != null && !c.isBlank()) {
      return Path.of(c).toAbsolutePath();
    }
    return Path.of(System.getProperty("user.home"), ".cache", "quetzal");
  }

  /** The pinned package.json. */
  public static byte[] packageJson() {
    return resource("package.json");
  }

  /** The pinned package-lock.json. */
  public static byte[] packageLock() {
    return resource("package-lock.json");
  }

  /** The version key: Aztec version plus the first 16 hex digits of sha256(package.json ‖ lock). */
  public static String versionKey() {
    return L1Toolchain.L1_ARTIFACTS_VERSION + "-" + lockDigest().substring(0, 16);
  }

  /** The directory the toolchain installs into. */
  public Path installDirectory() {
    return options.cacheRoot().resolve("l1-toolchain").resolve(versionKey());
  }

  /** The toolchain if it is installed and complete. */
  public Optional<L1Toolchain> findInstalled() {
    Path home = installDirectory();
    try {
      Path stamp = home.resolve(STAMP);
      if (Files.isRegularFile(stamp)
          && Files.readString(stamp).strip().equals(lockDigest())
          && Files.isExecutable(anvilPath(home))
          && Files.isExecutable(forgePath(home))
          && Files.isDirectory(contractsPath(home).resolve("out"))) {
        return Optional.of(finish(home));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.empty();
  }

  /** Returns the toolchain, installing it first when needed (with progress lines). */
  public L1Toolchain ensureInstalled() {
    Path parent = installDirectory().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new L1ToolchainException(
          "cannot create the L1 tooling cache " + parent + ": " + e.getMessage(), e);
    }
    synchronized (L1ToolchainInstaller.class) {
      Path lockFile = parent.resolve("." + versionKey() + ".lock");
      try (FileChannel ch =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock lock = ch.lock();
        try {
          Optional<L1Toolchain> found = findInstalled();
          if (found.isPresent()) {
            return found.get();
          }
          return install();
        } finally {
          lock.release();
        }
      } catch (IOException e) {
        throw new L1ToolchainException(
            "cannot install the L1 tooling into " + installDirectory() + ": " + e.getMessage(), e);
      }
    }
  }

  private L1Toolchain install() throws IOException {
    Path home = installDirectory();
    long t0 = System.nanoTime();
    options
        .progress()
        .accept(
            "installing the L1 tooling (anvil "
                + L1Toolchain.ANVIL_VERSION
                + ", forge "
                + L1Toolchain.FORGE_VERSION
                + ", @aztec/l1-artifacts "
                + L1Toolchain.L1_ARTIFACTS_VERSION
                + ") with npm into "
                + home
                + "; this happens once");
    String npmVersion = checkNpm();
    options.progress().accept("using npm " + npmVersion);
    deleteRecursively(home);
    Files.createDirectories(home);
    Files.write(home.resolve("package.json"), packageJson());
    Files.write(home.resolve("package-lock.json"), packageLock());
    runNpmInstall(home);
    String anvil = versionOf(anvilPath(home), "anvil");
    if (!anvil.contains(L1Toolchain.ANVIL_VERSION)) {
      throw new L1ToolchainException(
          "npm installed anvil '" + anvil + "', expected " + L1Toolchain.ANVIL_VERSION);
    }
    String forge = versionOf(forgePath(home), "forge");
    if (!forge.contains(L1Toolchain.FORGE_VERSION)) {
      throw new L1ToolchainException(
          "npm installed forge '" + forge + "', expected " + L1Toolchain.FORGE_VERSION);
    }
    if (!Files.isRegularFile(
        contractsPath(home).resolve("script/deploy/DeployAztecL1Contracts.s.sol"))) {
      throw new L1ToolchainException(
          "@aztec/l1-artifacts was installed without its deploy scripts (" + home + ")");
    }
    Files.writeString(home.resolve(STAMP), lockDigest() + "\n");
    options
        .progress()
        .accept(
            "L1 tooling installed in "
                + String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9)
                + " s ("
                + anvil
                + "; "
                + forge
                + ")");
    return finish(home);
  }

  private L1Toolchain finish(Path home) throws IOException {
    Path bin = home.resolve("bin");
    Files.createDirectories(bin);
    Path solc = writeExecutable(bin.resolve("solc-0.8.30"), SOLC_STUB);
    Path watchdog = ChildProcesses.writeWatchdog(bin.resolve("quetzal-watchdog.sh"));
    return new L1Toolchain(
        home, versionKey(), anvilPath(home), forgePath(home), contractsPath(home), solc, watchdog);
  }

  private String checkNpm() {
    ProcessBuilder pb = new ProcessBuilder(options.npm(), "--version");
    pb.environment().putAll(options.npmEnvironment());
    pb.redirectErrorStream(true);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new L1ToolchainException(
          "npm not found ('"
              + options.npm()
              + "'): Quetzal installs anvil, forge and the Aztec L1 contracts with npm on the first"
              + " --local-network start; install Node.js 18 or newer with npm (e.g. 'apt-get"
              + " install npm') and try again",
          e);
    }
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new L1ToolchainException("'npm --version' did not answer within 60 s");
      }
      if (p.exitValue() != 0) {
        throw new L1ToolchainException(
            "'npm --version' failed (exit " + p.exitValue() + "): " + lastLine(out));
      }
      return out;
    } catch (IOException e) {
      throw new L1ToolchainException("'npm --version' failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new L1ToolchainException("interrupted while checking npm", e);
    }
  }

  private void runNpmInstall(Path home) throws IOException {
    List<String> cmd =
        List.of(
            options.npm(),
            "install",
            "--ignore-scripts",
            "--no-audit",
            "--no-fund",
            "--no-save",
            "--engine-strict=false",
            "--progress=false",
            "--loglevel=http",
            "--fetch-retries=2",
            "--fetch-timeout=60000");
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(options.npmEnvironment());
    Path watchdog = ChildProcesses.writeWatchdog(home.resolve("bin/quetzal-watchdog.sh"));
    ManagedProcess npm;
    try {
      npm = ChildProcesses.start(watchdog, "npm", cmd, home, env, null);
    } catch (IOException e) {
      throw new L1ToolchainException("cannot start npm: " + e.getMessage(), e);
    }
    Deque<String> tail = new ArrayDeque<>();
    Thread reader =
        Thread.ofVirtual()
            .name("npm-output")
            .start(() -> pump(npm.process().getInputStream(), tail));
    Optional<Integer> rc;
    try {
      rc = npm.waitFor(options.installTimeout());
      reader.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      npm.stop(Duration.ofSeconds(5));
      throw new L1ToolchainException("interrupted while npm was installing the L1 tooling", e);
    }
    if (rc.isEmpty()) {
      npm.stop(Duration.ofSeconds(5));
      throw new L1ToolchainException(
          "npm install of the L1 tooling did not finish within "
              + options.installTimeout().toMinutes()
              + " min (is the npm registry slow or unreachable?)");
    }
    if (rc.get() != 0) {
      List<String> lines;
      synchronized (tail) {
        lines = new ArrayList<>(tail);
      }
      String unreachable =
          lines.stream().filter(l -> UNREACHABLE.matcher(l).find()).findFirst().orElse(null);
      if (unreachable != null) {
        throw new L1ToolchainException(
            "npm could not reach the package registry "
                + registry()
                + " to install the L1 tooling ("
                + unreachable.strip()
                + "); check the network, proxy or 'npm config get registry' and try again");
      }
      throw new L1ToolchainException(
          "npm install of the L1 tooling failed (exit "
              + rc.get()
              + ") in "
              + home
              + ": "
              + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size())));
    }
  }

  private void pump(InputStream in, Deque<String> tail) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        options.progress().accept("npm: " + line.strip());
        synchronized (tail) {
          tail.addLast(line);
          if (tail.size() > 40) {
            tail.removeFirst();
          }
        }
      }
    } catch (IOException ignored) {
      // the process ended
    }
  }

  private String registry() {
    String fromEnv = options.npmEnvironment().get("npm_config_registry");
    if (fromEnv != null) {
      return fromEnv;
    }
    try {
      ProcessBuilder pb = new ProcessBuilder(options.npm(), "config", "get", "registry");
      pb.redirectErrorStream(true);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()) {
        return lastLine(out);
      }
      p.destroyForcibly();
    } catch (IOException e) {
      // fall through
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "(npm's configured registry)";
  }

  private static String versionOf(Path binary, String name) {
    try {
      Process p =
          new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new L1ToolchainException(name + " --version did not answer within 30 s");
      }
      if (p.exitValue() != 0) {
        throw new L1ToolchainException(
            name + " does not run (" + binary + ", exit " + p.exitValue() + "): " + out);
      }
      return out.lines().findFirst().orElse("").strip();
    } catch (IOException e) {
      throw new L1ToolchainException(name + " does not run (" + binary + "): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new L1ToolchainException("interrupted", e);
    }
  }

  private static Path writeExecutable(Path file, String content) throws IOException {
    byte[] want = content.getBytes(StandardCharsets.UTF_8);
    if (Files.isRegularFile(file)
        && java.util.Arrays.equals(Files.readAllBytes(file), want)
        && Files.isExecutable(file)) {
      return file;
    }
    Path tmp = Files.createTempFile(file.getParent(), ".stub", ".tmp");
    Files.write(tmp, want);
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  static Path anvilPath(Path home) {
    return home.resolve("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");
  }

  static Path forgePath(Path home) {
    return home.resolve("node_modules/@foundry-rs/forge-linux-amd64/bin/forge");
  }

  static Path contractsPath(Path home) {
    return home.resolve("node_modules/@aztec/l1-artifacts/l1-contracts");
  }

  static String lockDigest() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(packageJson());
      md.update(packageLock());
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = L1ToolchainInstaller.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCES + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String lastLine(String s) {
    List<String> lines = s.lines().filter(l -> !l.isBlank()).toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
  }

  /** Deletes a tree; entries that vanish meanwhile are fine. */
  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new java.nio.file.SimpleFileVisitor<>() {
          @Override
          public java.nio.file.FileVisitResult visitFile(
              Path file, java.nio.file.attribute.BasicFileAttributes attrs) throws IOException {
            Files.deleteIfExists(file);
            return java.nio.file.FileVisitResult.CONTINUE;
          }

          @Override
          public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e)
              throws IOException {
            if (e instanceof java.nio.file.NoSuchFileException) {
              return java.nio.file.FileVisitResult.CONTINUE;
            }
            throw e;
          }

          @Override
          public java.nio.file.FileVisitResult postVisitDirectory(Path d, IOException e)
              throws IOException {
            if (e != null && !(e instanceof java.nio.file.NoSuchFileException)) {
              throw e;
            }
            Files.deleteIfExists(d);
            return java.nio.file.FileVisitResult.CONTINUE;
          }
        });
  }
}
