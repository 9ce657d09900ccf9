package dev.qbmc.quickbooks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * QBO throttled the realm (code 3001 or HTTP 429; older responses used HTTP 403). Retryable after
 * {@link #retryAfter()} when QBO said how long, otherwise after the retry policy's
 * {@link QuickBooksRetryPolicy#throttleDelay() throttle delay} (60 seconds by default, as Intuit
 * documents).
 */
public final class QuickBooksRateLimitException extends QuickBooksServiceException {
  private static final long serialVersionUID = 1L;
  /** The retryAfter value (serialized form). */
  private final Duration retryAfter;

  QuickBooksRateLimitException(
      String summary,
      int statusCode,
      List<QuickBooksError> errors,
      String faultType,
      String intuitTid,
      Duration retryAfter) {
    super(summary, statusCode, errors, faultType, intuitTid);
    this.retryAfter = retryAfter;
  }

  /**
   * How long QBO asked to wait before the next request to this realm ({@code Retry-After}).
   *
   * @return the wait, never negative; empty when the response had no readable {@code Retry-After}
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * Always true: the request may succeed after a wait.
   *
   * @return true
   */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
