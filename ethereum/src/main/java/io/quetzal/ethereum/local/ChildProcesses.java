package io.quetzal.ethereum.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts tool processes under the watchdog and stops every one still alive when the JVM exits (one
 * shutdown hook, installed on first use). Thread-safe.
 */
public final class ChildProcesses {
  /**
   * The watchdog: runs {@code "$@"} with stdin from /dev/null and sends it SIGTERM when the
   * watchdog's own stdin reaches end of file or when the watchdog gets TERM, INT or HUP; exits with
   * the tool's exit code.
   */
  public static final String WATCHDOG_SCRIPT =
      """
      #!/bin/sh
      # Quetzal process watchdog: runs "$@" and ends it when our stdin (a pipe from the JVM that
      # started us) closes, so the tool never outlives that JVM, even if it is killed.
      exec 3<&0 </dev/null
      "$@" 3<&- &
      child=$!
      ( while IFS= read -r _ <&3; do :; done; kill -TERM "$child" 2>/dev/null ) &
      watcher=$!
      exec 3<&-
      trap 'kill -TERM "$child" 2>/dev/null' TERM INT HUP
      # wait first: a child that exits at once may already be reaped by the shell, and only
      # wait still knows its status; again while it lives (a trapped signal cuts wait short).
      wait "$child"
      rc=$?
      while kill -0 "$child" 2>/dev/null; do
        wait "$child"
        rc=$?
      done
      kill "$watcher" 2>/dev/null
      exit "$rc"
      """;

  private static final Set<ManagedProcess> LIVE = ConcurrentHashMap.newKeySet();

  /** {@code setsid}, when the system has it (util-linux); tools then run in their own session. */
  private static final String SETSID =
      java.util.stream.Stream.of("/usr/bin/setsid", "/bin/setsid")
          .filter(f -> Files.isExecutable(Path.of(f)))
          .findFirst()
          .orElse(null);

  private static volatile boolean hookInstalled;

  private ChildProcesses() {}

  /**
   * Starts {@code command} under the watchdog script at {@code watchdog}.
   *
   * @param name short name for messages
   * @param command the tool and its arguments
   * @param directory working directory, or null for the JVM's
   * @param environment the full environment of the tool
   * @param log file receiving stdout and stderr (appended), or null to keep them, merged, as the
   *     input stream of {@link ManagedProcess#process()}
   */
  public static ManagedProcess start(
      Path watchdog,
      String name,
      List<String> command,
      Path directory,
      java.util.Map<String, String> environment,
      Path log)
      throws IOException {
    installHook();
    List<String> full = new ArrayList<>(command.size() + 3);
    if (SETSID != null) {
      // Its own process group: a terminal's Ctrl-C reaches only the JVM, which stops the tool
      // in order; and the tool's resources can be told apart from the JVM's.
      full.add(SETSID);
    }
    full.add("/bin/sh");
    full.add(watchdog.toString());
    full.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(full);
    if (directory != null) {
      pb.directory(directory.toFile());
    }
    pb.environment().clear();
    pb.environment().putAll(environment);
    pb.redirectErrorStream(true);
    if (log != null) {
      Files.createDirectories(log.toAbsolutePath().getParent());
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }
    ManagedProcess p = new ManagedProcess(name, pb.start(), log, command.get(0));
    LIVE.add(p);
    return p;
  }

  /** Writes the watchdog script to {@code file} unless it is there already, identical. */
  public static Path writeWatchdog(Path file) throws IOException {
    byte[] want = WATCHDOG_SCRIPT.getBytes(StandardCharsets.UTF_8);
    if (Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), want)) {
      return file;
    }
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), ".watchdog", ".tmp");
    Files.write(tmp, want);
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  /** The processes started here that are still running. */
  public static List<ManagedProcess> live() {
    return LIVE.stream().filter(ManagedProcess::isAlive).toList();
  }

  /** Stops every live process (also what the shutdown hook does). */
  public static void stopAll(Duration grace) {
    for (ManagedProcess p : List.copyOf(LIVE)) {
      p.stop(grace);
    }
  }

  static void forget(ManagedProcess p) {
    LIVE.remove(p);
  }

  private static void installHook() {
    if (hookInstalled) {
      return;
    }
    synchronized (ChildProcesses.class) {
      if (!hookInstalled) {
        Runtime.getRuntime()
            .addShutdownHook(
                Thread.ofPlatform()
                    .name("quetzal-child-processes")
                    .unstarted(() -> stopAll(Duration.ofSeconds(5))));
        hookInstalled = true;
      }
    }
  }
}
