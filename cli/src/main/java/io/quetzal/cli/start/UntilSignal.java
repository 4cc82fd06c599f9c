package io.quetzal.cli.start;

import io.quetzal.cli.ExitCodes;
import io.quetzal.ethereum.local.L1ToolchainException;
import io.quetzal.ethereum.rpc.L1RpcException;
import io.quetzal.kvstore.KvStoreException;
import io.quetzal.node.GenesisMismatchException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;

/**
 * The life of a launched node, shared by the launchers: a shutdown hook that stops the services on
 * SIGINT or SIGTERM, the start, then waiting for the signal. A failure an operator can act on (L1,
 * genesis, the L1 toolchain, a sequencer setting, a port in use, an unusable data directory) stops
 * what was started and is one line with status 1; anything else is a bug and propagates after the
 * same clean-up.
 */
final class UntilSignal {
  private UntilSignal() {}

  /**
   * Runs {@code start}, then blocks until a signal has run {@code stop}.
   *
   * @return {@link ExitCodes#OK} after a signal, {@link ExitCodes#INTERNAL_ERROR} when the start
   *     failed for an operator-facing reason (printed on {@code err})
   */
  static int run(Runnable start, Runnable stop, PrintWriter err) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.run();
              stopped.countDown();
            },
            "quetzal-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      start.run();
    } catch (GenesisMismatchException
        | L1ToolchainException
        | SequencerSetupException
        | L1RpcException
        | UncheckedIOException
        | KvStoreException e) {
      stop.run();
      Runtime.getRuntime().removeShutdownHook(hook);
      err.println("quetzal: " + e.getMessage());
      err.flush();
      return ExitCodes.INTERNAL_ERROR;
    } catch (RuntimeException e) {
      stop.run();
      Runtime.getRuntime().removeShutdownHook(hook);
      throw e;
    }
    // Runs until a signal: the hook stops the services, then the JVM exits.
    stopped.await();
    return ExitCodes.OK;
  }
}
