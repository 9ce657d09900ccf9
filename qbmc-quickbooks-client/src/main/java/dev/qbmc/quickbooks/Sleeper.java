package dev.qbmc.quickbooks;

import java.time.Duration;

/**
 * Waits. Injected so that retries, throttling and rate limiting can be tested without real sleeping.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for the given time.
   *
   * @param duration how long to wait; zero or negative returns at once
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * The real sleeper ({@link Thread#sleep(long)}).
   *
   * @return the system sleeper
   */
  static Sleeper system() {
    return duration -> {
      if (!duration.isNegative() && !duration.isZero()) {
        Thread.sleep(duration.toMillis());
      }
    };
  }
}
