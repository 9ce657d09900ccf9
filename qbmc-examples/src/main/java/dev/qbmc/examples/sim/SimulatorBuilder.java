package dev.qbmc.examples.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings every simulator builder has: the clock, the sleeper and the latency of each API
 * call. Defaults: system UTC clock, {@link Sleeper#none()}, no latency.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class SimulatorBuilder<B extends SimulatorBuilder<B>> {

  private Clock clock = Clock.systemUTC();
  private Sleeper sleeper = Sleeper.none();
  private Duration latency = Duration.ZERO;

  /** Creates a builder with the defaults. */
  protected SimulatorBuilder() {
  }

  /**
   * Sets the clock the simulator reads: timestamps of changes, token lifetimes, rate windows.
   *
   * @param clock the clock
   * @return this builder
   */
  public B clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return self();
  }

  /**
   * Sets the sleeper that waits for the latency (and for delay faults); it is called while the
   * request holds its connection slot.
   *
   * @param sleeper the sleeper
   * @return this builder
   */
  public B sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return self();
  }

  /**
   * Sets the latency of every API call.
   *
   * @param latency zero or more
   * @return this builder
   */
  public B latency(Duration latency) {
    this.latency = Latency.requireNonNegative(latency);
    return self();
  }

  /**
   * Checks a text setting.
   *
   * @param value the value
   * @param name the setting's name, for the message
   * @return {@code value}
   * @throws IllegalArgumentException when null or blank
   */
  protected static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /**
   * Checks a count setting.
   *
   * @param value the value
   * @param name the setting's name, for the message
   * @return {@code value}
   * @throws IllegalArgumentException when below 1
   */
  protected static int requirePositive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, was " + value);
    }
    return value;
  }

  /**
   * This builder as its concrete type.
   *
   * @return {@code this}
   */
  protected abstract B self();

  /**
   * The clock set.
   *
   * @return the clock
   */
  protected final Clock configuredClock() {
    return clock;
  }

  /**
   * The sleeper set.
   *
   * @return the sleeper
   */
  protected final Sleeper configuredSleeper() {
    return sleeper;
  }

  /**
   * The latency set.
   *
   * @return the latency
   */
  protected final Duration configuredLatency() {
    return latency;
  }
}
