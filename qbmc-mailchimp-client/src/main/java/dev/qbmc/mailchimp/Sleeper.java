package dev.qbmc.mailchimp;

import java.time.Duration;

/** Waits between retries and batch polls; inject a fake in tests so nothing really sleeps. */
@FunctionalInterface
public interface Sleeper {
  /**
   * Waits for the duration.
   *
   * @param duration how long to wait, never negative
   * @throws InterruptedException if the waiting thread is interrupted
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * The sleeper that blocks the calling thread.
   *
   * @return the system sleeper
   */
  static Sleeper system() {
    return d -> Thread.sleep(d.toMillis());
  }
}
