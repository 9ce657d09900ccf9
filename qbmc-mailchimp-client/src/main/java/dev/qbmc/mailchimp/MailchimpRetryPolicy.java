package dev.qbmc.mailchimp;

import dev.qbmc.mailchimp.internal.MailchimpStyle;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * When and how long the client waits before repeating a failed call: up to {@link #maxAttempts()}
 * attempts with exponential backoff ({@link #baseDelay()} doubled per attempt, capped at
 * {@link #maxDelay()}) and "equal jitter" (a random half of the delay is added to the other half),
 * or the server's {@code Retry-After} when present and not above {@link #maxRetryAfter()} (a longer
 * one ends the retries). Only 429, bodiless 403, 5xx and connection failures are retried, and 5xx
 * and mid-flight failures only for idempotent methods (GET, PUT, PATCH, DELETE).
 *
 * <p>Twin of {@code QuickBooksRetryPolicy} (the clients share no code): the attributes they have in
 * common, {@link #backoff(int, double)} and the reading of {@code Retry-After} are the same, which a
 * drift test checks.
 */
@Value.Immutable
@MailchimpStyle
public abstract class MailchimpRetryPolicy {
  /** The longest wait any setting of a policy may ask for (1 hour); longer ones are refused. */
  public static final Duration MAX_WAIT = Duration.ofHours(1);
  /** The most attempts a policy may allow. */
  public static final int MAX_ATTEMPTS = 100;

  MailchimpRetryPolicy() {}

  /**
   * A new builder starting from the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The default policy: 4 attempts, 1 s base delay, 30 s maximum delay, {@code Retry-After}
   * honoured up to 2 minutes.
   *
   * @return the default policy
   */
  public static MailchimpRetryPolicy defaults() {
    return builder().build();
  }

  /**
   * A policy that never retries (throttling and failures are thrown at once).
   *
   * @return the no-retry policy
   */
  public static MailchimpRetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  /**
   * Total attempts including the first; 1 disables retries.
   *
   * @return attempts, 1 to {@link #MAX_ATTEMPTS} (default 4)
   */
  @Value.Default
  public int maxAttempts() {
    return 4;
  }

  /**
   * Delay before the first retry, doubled for each further one.
   *
   * @return the base delay (default 1 s)
   */
  @Value.Default
  public Duration baseDelay() {
    return Duration.ofSeconds(1);
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
   * The longest {@code Retry-After} honoured; a throttled request asked to wait longer is not
   * retried (the {@link MailchimpRateLimitException} is thrown).
   *
   * @return the longest honoured wait (default 2 minutes)
   */
  @Value.Default
  public Duration maxRetryAfter() {
    return Duration.ofMinutes(2);
  }

  @Value.Check
  void check() {
    if (maxAttempts() < 1 || maxAttempts() > MAX_ATTEMPTS) {
      throw new IllegalArgumentException("maxAttempts must be 1 to " + MAX_ATTEMPTS + ", was " + maxAttempts());
    }
    for (Duration d : new Duration[] {baseDelay(), maxDelay(), maxRetryAfter()}) {
      if (d.isNegative() || d.compareTo(MAX_WAIT) > 0) {
        throw new IllegalArgumentException("retry delays must be 0 to " + MAX_WAIT + ", was " + d);
      }
    }
  }

  /**
   * The backoff before the retry that follows a failed attempt: {@link #baseDelay()} doubled per
   * earlier attempt, capped at {@link #maxDelay()}, of which the upper half is scaled by
   * {@code random} ("equal jitter").
   *
   * @param attempt the attempt that failed, starting at 1 (lower values count as 1)
   * @param random a value in {@code [0, 1)} choosing the jitter (clamped to {@code [0, 1]})
   * @return the delay, between half the capped step and the capped step
   */
  public Duration backoff(int attempt, double random) {
    long base = baseDelay().toMillis();
    long cap = maxDelay().toMillis();
    int doublings = Math.min(Math.max(attempt, 1) - 1, 62);
    long step = base > (cap >> doublings) ? cap : base << doublings;
    double r = Math.max(0.0, Math.min(1.0, random));
    return Duration.ofMillis(step / 2 + (long) (r * (step - step / 2)));
  }

  /**
   * Reads a {@code Retry-After} header: delay-seconds or an HTTP date (RFC 1123), relative to now.
   *
   * @param header the header value, or null
   * @param now the current time
   * @return the wait (zero for a date in the past), empty when absent, negative or unreadable
   */
  static Optional<Duration> parseRetryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    try {
      long seconds = Long.parseLong(value);
      return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
      } catch (DateTimeException notDate) {
        return Optional.empty();
      }
    }
  }

  /** Builds {@link MailchimpRetryPolicy} values. */
  public static final class Builder extends ImmutableMailchimpRetryPolicy.Builder {
    Builder() {}
  }
}
