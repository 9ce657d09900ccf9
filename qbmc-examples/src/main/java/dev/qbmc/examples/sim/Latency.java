package dev.qbmc.examples.sim;

import java.time.Duration;
import java.util.function.Supplier;

/** The simulated latency of every API call, changeable while the simulator runs. Thread-safe. */
public final class Latency {

  private final Sleeper sleeper;
  private volatile Duration duration;

  /**
   * Creates a latency.
   *
   * @param sleeper waits for it
   * @param initial zero or more
   */
  public Latency(Sleeper sleeper, Duration initial) {
    this.sleeper = sleeper;
    this.duration = requireNonNegative(initial);
  }

  /**
   * Changes the latency of subsequent calls.
   *
   * @param latency zero or more
   */
  public void set(Duration latency) {
    this.duration = requireNonNegative(latency);
  }

  /**
   * Waits for the latency, then answers.
   *
   * @param response produces the response after the wait
   * @return the response, or an empty 503 when the wait was interrupted (the flag stays set)
   */
  public SimResponse then(Supplier<SimResponse> response) {
    Duration d = duration;
    if (!d.isZero()) {
      try {
        sleeper.sleep(d);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return SimResponse.empty(503);
      }
    }
    return response.get();
  }

  /**
   * Checks a duration setting.
   *
   * @param d the duration
   * @return {@code d}
   * @throws IllegalArgumentException when null or negative
   */
  public static Duration requireNonNegative(Duration d) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException("duration must be zero or positive: " + d);
    }
    return d;
  }
}
