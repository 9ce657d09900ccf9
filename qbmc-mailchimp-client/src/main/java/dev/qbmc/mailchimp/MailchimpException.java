package dev.qbmc.mailchimp;

/**
 * Root of every exception thrown by the Mailchimp Marketing API client. Unchecked; subtypes say what went
 * wrong (authentication, forbidden, not found, invalid resource, rate limit, server error, transport).
 * Messages never contain an API key or a token.
 */
public class MailchimpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, without secrets
   */
  protected MailchimpException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, without secrets
   * @param cause the underlying failure
   */
  protected MailchimpException(String message, Throwable cause) {
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
