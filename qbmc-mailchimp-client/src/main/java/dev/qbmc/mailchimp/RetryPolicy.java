package dev.qbmc.mailchimp;

import dev.qbmc.mailchimp.internal.MailchimpStyle;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * When and how long the client waits before repeating a failed call: exponential backoff from
 * {@link #baseDelay()} up to {@link #maxDelay()} with jitter (50 to 100 % of the step), or the server's
 * {@code Retry-After} when present and not above {@link #maxRetryAfter()}. Only 429, 5xx and connection
 * failures are retried, and 5xx and mid-flight failures only for idempotent methods (GET, PUT, PATCH, DELETE).
 */
@Value.Immutable
@MailchimpStyle
public abstract class RetryPolicy {
  RetryPolicy() {}

  /**
   * Starts a builder holding the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The default policy: 4 attempts, 1 s base delay, 30 s maximum delay, Retry-After honoured up to 2 minutes.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return builder().build();
  }

  /**
   * A policy that never retries.
   *
   * @return the policy
   */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  /** @return the total attempts, the first one included (at least 1) */
  @Value.Default
  public int maxAttempts() {
    return 4;
  }

  /** @return the delay before the first retry, doubled for each further one */
  @Value.Default
  public Duration baseDelay() {
    return Duration.ofSeconds(1);
  }

  /** @return the longest computed backoff */
  @Value.Default
  public Duration maxDelay() {
    return Duration.ofSeconds(30);
  }

  /** @return the longest {@code Retry-After} honoured; a longer one ends the retries */
  @Value.Default
  public Duration maxRetryAfter() {
    return Duration.ofMinutes(2);
  }

  @Value.Check
  void check() {
    if (maxAttempts() < 1) {
      throw new IllegalStateException("maxAttempts must be at least 1");
    }
    if (baseDelay().isNegative() || maxDelay().isNegative() || maxRetryAfter().isNegative()) {
      throw new IllegalStateException("retry delays must not be negative");
    }
  }

  /**
   * The backoff before the retry that follows attempt {@code attempt}.
   *
   * @param attempt the attempt that failed, starting at 1
   * @param random a value in [0, 1) choosing the jitter
   * @return the delay
   */
  public Duration backoff(int attempt, double random) {
    long base = baseDelay().toMillis();
    long step = base << Math.min(Math.max(attempt - 1, 0), 20);
    long capped = Math.min(step < 0 ? Long.MAX_VALUE : step, maxDelay().toMillis());
    return Duration.ofMillis((long) (capped * (0.5 + 0.5 * random)));
  }

  /** Builder of {@link RetryPolicy}. */
  public static final class Builder extends ImmutableRetryPolicy.Builder {
    Builder() {}
  }
}
