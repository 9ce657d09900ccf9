package dev.qbmc.quickbooks;

import java.time.Duration;

/**
 * Waits between retries and for the rate limit. Injected so that retries, throttling and rate
 * limiting can be tested without real sleeping. Twin of {@code MailchimpSleeper} (the clients share
 * no code); a drift test keeps the two alike.
 */
@FunctionalInterface
public interface QuickBooksSleeper {

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
  static QuickBooksSleeper system() {
    return duration -> {
      if (!duration.isNegative() && !duration.isZero()) {
        Thread.sleep(duration.toMillis());
      }
    };
  }
}
