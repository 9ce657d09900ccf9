package dev.qbmc.quickbooks;

/**
 * Root of every exception thrown by the QuickBooks Online client. Unchecked; subtypes say what went
 * wrong (authentication, authorisation, rate limit, not found, validation, service error, transport).
 * Messages never contain a token or a secret.
 */
public class QuickBooksException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, without secrets
   */
  protected QuickBooksException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, without secrets
   * @param cause the underlying failure
   */
  protected QuickBooksException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Whether repeating the same request later may succeed.
   *
   * @return true for throttling, server and transport failures
   */
  public boolean isRetryable() {
    return false;
  }
}
