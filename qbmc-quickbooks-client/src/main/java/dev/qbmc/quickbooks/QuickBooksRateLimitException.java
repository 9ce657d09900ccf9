package dev.qbmc.quickbooks;

import java.time.Duration;
import java.util.List;

/**
 * QBO throttled the realm (code 3001 or HTTP 429; older responses used HTTP 403). Carries how long to
 * wait before trying again: the {@code Retry-After} header when QBO sent one, otherwise the
 * configured throttle delay (60 seconds by default, as Intuit documents).
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
   * How long to wait before the next request to this realm.
   *
   * @return the wait, never negative
   */
  public Duration retryAfter() {
    return retryAfter;
  }

  /**
   * Always true: the request may succeed after {@link #retryAfter()}.
   *
   * @return true
   */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
