package dev.qbmc.quickbooks;

import java.util.Optional;

/**
 * QBO answered, but the body was not the JSON this client expected (malformed JSON, an HTML page,
 * a missing envelope). Not retryable. The message names the problem, never the body.
 */
public final class QuickBooksMalformedResponseException extends QuickBooksException {
  private static final long serialVersionUID = 1L;
  /** The statusCode value (serialized form). */
  private final int statusCode;
  /** The intuitTid value (serialized form). */
  private final String intuitTid;

  /**
   * Creates the exception.
   *
   * @param message what was wrong with the response
   * @param statusCode the HTTP status, or 0 when not known
   * @param intuitTid the {@code intuit_tid} response header, or null
   * @param cause the parse failure, or null
   */
  QuickBooksMalformedResponseException(
      String message, int statusCode, String intuitTid, Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.intuitTid = intuitTid;
  }

  /**
   * The HTTP status of the response.
   *
   * @return the status, 0 when not known
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Intuit's transaction id for support tickets.
   *
   * @return the {@code intuit_tid} header value
   */
  public Optional<String> intuitTid() {
    return Optional.ofNullable(intuitTid);
  }
}
