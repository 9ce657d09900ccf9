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
   * durations return at once, and any duration is accepted (none overflows).
   *
   * @return the system sleeper
   */
  static Sleeper system() {
    return duration -> {
      if (!duration.isNegative() && !duration.isZero()) {
        // Saturates: a wait too long to count in milliseconds sleeps Long.MAX_VALUE ms, never throws.
        Thread.sleep(duration.compareTo(Duration.ofMillis(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : duration.toMillis());
      }
    };
  }
}
