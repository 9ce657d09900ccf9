package dev.qbmc.quickbooks;

import java.util.List;

/**
 * QBO failed internally (code 10000 or HTTP 5xx). Retryable; the client already retried idempotent
 * requests before throwing this.
 */
public final class QuickBooksServerException extends QuickBooksServiceException {
  private static final long serialVersionUID = 1L;

  QuickBooksServerException(String summary, int statusCode, List<QuickBooksError> errors, String faultType, String intuitTid) {
    super(summary, statusCode, errors, faultType, intuitTid);
  }

  /**
   * Always true: the same request may succeed later.
   *
   * @return true
   */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
