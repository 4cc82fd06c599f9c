package io.quetzal.ethereum.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchdog: a tool never outlives the JVM's lifeline, and exit codes pass through. */
class ChildProcessesTest {
  @TempDir Path dir;

  private ManagedProcess start(String... command) throws Exception {
    Path watchdog = ChildProcesses.writeWatchdog(dir.resolve("watchdog.sh"));
    return ChildProcesses.start(
        watchdog,
        "test",
        List.of(command),
        dir,
        Map.of("PATH", System.getenv("PATH")),
        dir.resolve("out.log"));
  }

  private static ProcessHandle toolOf(ManagedProcess p) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> child =
          p.process()
              .children()
              .filter(h -> h.info().command().orElse("").endsWith("sleep"))
              .findFirst();
      if (child.isPresent()) {
        return child.get();
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("the watchdog did not start the tool");
  }

  @Test
  void closingTheLifelineEndsTheTool() throws Exception {
    ManagedProcess p = start("sleep", "300");
    ProcessHandle tool = toolOf(p);
    // what happens when the JVM dies: the pipe to the watchdog closes
    p.process().getOutputStream().close();
    assertThat(tool.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS).isAlive()).isFalse();
    assertThat(p.waitFor(Duration.ofSeconds(5))).isPresent();
    assertThat(ChildProcesses.live()).doesNotContain(p);
  }

  @Test
  void stopEndsTheToolAndTheWatchdog() throws Exception {
    ManagedProcess p = start("sleep", "300");
    ProcessHandle tool = toolOf(p);
    p.stop(Duration.ofSeconds(5));
    assertThat(tool.isAlive()).isFalse();
    assertThat(p.isAlive()).isFalse();
    assertThat(p.process().descendants().filter(ProcessHandle::isAlive)).isEmpty();
  }

  @Test
  void exitCodesPassThrough() throws Exception {
    ManagedProcess p = start("sh", "-c", "echo hello; exit 7");
    assertThat(p.waitFor(Duration.ofSeconds(10))).contains(7);
    assertThat(dir.resolve("out.log")).content().contains("hello");
  }
}
