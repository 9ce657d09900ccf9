package dev.qbmc.core;

import java.time.Duration;

/** Waits; injected so that waiting for a lease is testable without real sleeping. */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for the given time.
   *
   * @param duration how long
   * @throws InterruptedException when the thread is interrupted
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * The system sleeper ({@link Thread#sleep(long)}).
   *
   * @return the sleeper
   */
  static Sleeper system() {
    return d -> Thread.sleep(d.toMillis());
  }
}
