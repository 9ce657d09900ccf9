package dev.qbmc.core;

import java.time.Duration;

/**
 * Waits; injected so that waiting for a lease is testable without real sleeping. The clients have
 * their own ({@code QuickBooksSleeper}, {@code MailchimpSleeper}); a drift test keeps the three
 * alike.
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
   * The sleeper that blocks the calling thread ({@link Thread#sleep(long)}); zero or negative
   * durations return at once.
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
