package dev.qbmc.quickbooks;

import dev.qbmc.quickbooks.internal.QboStyle;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * How the client repeats idempotent requests (reads and queries) after throttling (429), server
 * errors (5xx, code 10000) and connection failures: up to {@link #maxAttempts()} attempts with
 * exponential backoff ({@link #baseDelay()} doubled per attempt, capped at {@link #maxDelay()}) and
 * "equal jitter" (a random half of the delay is added to the other half). A throttled request waits
 * the server's {@code Retry-After}, else {@link #throttleDelay()} (Intuit: wait 60 seconds).
 */
@Value.Immutable
@QboStyle
public abstract class RetryPolicy {
  RetryPolicy() {}

  /**
   * Total attempts including the first; 1 disables retries.
   *
   * @return attempts, at least 1 (default 4)
   */
  @Value.Default
  public int maxAttempts() {
    return 4;
  }

  /**
   * Delay before the first retry of a server or connection failure.
   *
   * @return the base delay (default 500 ms)
   */
  @Value.Default
  public Duration baseDelay() {
    return Duration.ofMillis(500);
  }

  /**
   * Upper bound of the exponential delay.
   *
   * @return the maximum delay (default 30 s)
   */
  @Value.Default
  public Duration maxDelay() {
    return Duration.ofSeconds(30);
  }

  /**
   * Wait after a throttling response without {@code Retry-After}.
   *
   * @return the throttle delay (default 60 s)
   */
  @Value.Default
  public Duration throttleDelay() {
    return Duration.ofSeconds(60);
  }

  @Value.Check
  void check() {
    if (maxAttempts() < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts());
    }
    if (baseDelay().isNegative() || maxDelay().isNegative() || throttleDelay().isNegative()) {
      throw new IllegalArgumentException("retry delays must not be negative");
    }
  }

  /**
   * The default policy: 4 attempts, 500 ms base, 30 s cap, 60 s throttle wait.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return builder().build();
  }

  /**
   * A policy that never retries (throttling and failures are thrown at once).
   *
   * @return the no-retry policy
   */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  /**
   * A new builder starting from the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RetryPolicy} values. */
  public static final class Builder extends ImmutableRetryPolicy.Builder {
    Builder() {}
  }
}
