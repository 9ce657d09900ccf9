package dev.qbmc.examples.sim;

import java.time.Duration;

/**
 * Waits for a simulated latency. Tests inject a sleeper that returns at once or blocks on a latch;
 * only benchmarks and the demo use {@link #system()}, which really sleeps.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for the given duration (or for whatever the implementation decides).
   *
   * @param duration how long the simulated call takes; never negative
   * @throws InterruptedException when the waiting thread is interrupted
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * A sleeper that never waits.
   *
   * @return the no-op sleeper
   */
  static Sleeper none() {
    return duration -> { };
  }

  /**
   * A sleeper that really sleeps with {@link Thread#sleep(long)}.
   *
   * @return the real sleeper
   */
  static Sleeper system() {
    return duration -> {
      if (!duration.isZero() && !duration.isNegative()) {
        Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
      }
    };
  }
}
