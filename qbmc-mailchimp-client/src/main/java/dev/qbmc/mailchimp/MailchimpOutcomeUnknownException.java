package dev.qbmc.mailchimp;

import java.util.OptionalInt;

/**
 * A non-idempotent request (POST) was sent but its outcome is unknown: the connection failed after the
 * request went out, it timed out, or Mailchimp answered 5xx (a 502 may mean its CDN timed out while the
 * request still runs). The client does not repeat it blindly; check the resource (e.g. GET it) before
 * trying again, or use an idempotent PUT where the API offers one.
 */
public final class MailchimpOutcomeUnknownException extends MailchimpException {
  private static final long serialVersionUID = 1L;

  /** The {@code statusCode} reported by this exception. */
  private final int statusCode;

  MailchimpOutcomeUnknownException(String message, Throwable cause, int statusCode) {
    super(message, cause);
    this.statusCode = statusCode;
  }

  /**
   * The HTTP status, when Mailchimp answered (5xx).
   *
   * @return the status, empty when the connection failed
   */
  public OptionalInt statusCode() {
    return statusCode > 0 ? OptionalInt.of(statusCode) : OptionalInt.empty();
  }
}
