package io.quetzal.ethereum.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tool process (anvil, forge, npm) started by Quetzal, run under a small {@code sh} watchdog
 * ({@link ChildProcesses#WATCHDOG_SCRIPT}) so that it cannot outlive the JVM:
 *
 * <ul>
 *   <li>the watchdog reads its stdin, a pipe from this JVM; when the pipe closes — {@link #stop}, a
 *       normal JVM exit, or the JVM killed with SIGKILL — it sends SIGTERM to the tool;
 *   <li>{@link ChildProcesses} keeps every live process and stops them from a shutdown hook;
 *   <li>{@link #stop} escalates to SIGKILL of the tool and the watchdog after a grace period.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class ManagedProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ManagedProcess.class);

  private final String name;
  private final Process watchdog;
  private final Path log;
  private final OutputStream lifeline;
  private final String executable;

  ManagedProcess(String name, Process watchdog, Path log, String executable) {
    this.name = name;
    this.watchdog = watchdog;
    this.log = log;
    this.lifeline = watchdog.getOutputStream();
    this.executable = Path.of(executable).getFileName().toString();
  }

  /** A short name for messages ("anvil", "forge"). */
  public String name() {
    return name;
  }

  /** Where the tool's stdout and stderr go, when they go to a file. */
  public Optional<Path> log() {
    return Optional.ofNullable(log);
  }

  /** The watchdog's process (the tool is its child). */
  public Process process() {
    return watchdog;
  }

  /**
   * The tool's own pid, once the watchdog has started it: the watchdog's child running the tool's
   * executable (the first started, when the watcher subshell runs the same one).
   */
  public Optional<Long> toolPid() {
    return watchdog
        .children()
        .filter(h -> h.info().command().map(c -> c.endsWith("/" + executable)).orElse(false))
        .map(ProcessHandle::pid)
        .min(Long::compare);
  }

  public boolean isAlive() {
    return watchdog.isAlive();
  }

  /**
   * Waits for the tool to end by itself.
   *
   * @return its exit code, or empty on timeout
   */
  public Optional<Integer> waitFor(Duration timeout) throws InterruptedException {
    if (watchdog.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      closeLifeline();
      ChildProcesses.forget(this);
      return Optional.of(watchdog.exitValue());
    }
    return Optional.empty();
  }

  /**
   * Stops the tool: closes the lifeline (the watchdog sends SIGTERM), waits up to {@code grace},
   * then kills the tool, its descendants and the watchdog. Idempotent.
   */
  public void stop(Duration grace) {
    List<ProcessHandle> tree = watchdog.descendants().toList();
    closeLifeline();
    boolean ended;
    try {
      ended = watchdog.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ended = false;
    }
    if (!ended) {
      LOG.warn("{} did not stop within {} ms, killing it", name, grace.toMillis());
    }
    for (ProcessHandle h : tree) {
      if (h.isAlive()) {
        h.destroyForcibly();
      }
    }
    if (watchdog.isAlive()) {
      watchdog.destroyForcibly();
    }
    try {
      watchdog.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ChildProcesses.forget(this);
  }

  /** {@link #stop} with a 10 s grace period. */
  @Override
  public void close() {
    stop(Duration.ofSeconds(10));
  }

  private void closeLifeline() {
    try {
      lifeline.close();
    } catch (IOException ignored) {
      // the watchdog is gone already
    }
  }

  @Override
  public String toString() {
    return name + "(watchdog pid " + watchdog.pid() + ")";
  }
}
