package io.quetzal.worldstate.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/** Fork/join helpers on a bounded pool, callable from inside or outside the pool. */
public final class Parallel {
  private Parallel() {}

  /** Work on the index range {@code [from, to)}. */
  @FunctionalInterface
  public interface RangeWork {
    void run(int from, int to);
  }

  /**
   * Runs {@code work} over {@code [0, n)} in chunks of at least {@code minChunk}, in parallel on
   * {@code pool} (or inline when {@code pool} is null or the range is small).
   */
  public static void forRange(ForkJoinPool pool, int n, int minChunk, RangeWork work) {
    int parallelism = pool == null ? 1 : pool.getParallelism();
    if (n <= minChunk || parallelism < 2) {
      if (n > 0) {
        work.run(0, n);
      }
      return;
    }
    int chunks = Math.min(4 * parallelism, (n + minChunk - 1) / minChunk);
    List<RecursiveAction> tasks = new ArrayList<>(chunks);
    for (int c = 0; c < chunks; c++) {
      int from = (int) ((long) n * c / chunks);
      int to = (int) ((long) n * (c + 1) / chunks);
      tasks.add(
          new RecursiveAction() {
            @Override
            protected void compute() {
              work.run(from, to);
            }
          });
    }
    invokeAll(pool, tasks);
  }

  /** Runs the tasks to completion on {@code pool}, rethrowing the first failure. */
  public static void invokeAll(ForkJoinPool pool, List<? extends ForkJoinTask<?>> tasks) {
    if (pool == null) {
      for (ForkJoinTask<?> t : tasks) {
        t.invoke();
      }
    } else if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == pool) {
      ForkJoinTask.invokeAll(tasks);
    } else {
      pool.invoke(
          new RecursiveAction() {
            @Override
            protected void compute() {
              ForkJoinTask.invokeAll(tasks);
            }
          });
    }
  }

  /** Wraps a runnable as a fork/join task. */
  public static RecursiveAction task(Runnable r) {
    return new RecursiveAction() {
      @Override
      protected void compute() {
        r.run();
      }
    };
  }
}
