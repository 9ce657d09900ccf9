package dev.qbmc.quickbooks;

/**
 * The request did not get an HTTP response: connection refused or reset, TLS failure, timeout.
 * Retryable; the client already retried idempotent requests before throwing this.
 */
public final class QuickBooksTransportException extends QuickBooksException {
  private static final long serialVersionUID = 1L;

  QuickBooksTransportException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Always true.
   *
   * @return true
   */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
