package dev.qbmc.quickbooks.oauth;

import dev.qbmc.quickbooks.QuickBooksException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An OAuth call failed for a reason other than {@code invalid_grant}: a client configuration error
 * ({@code invalid_client}, wrong redirect URI), an Intuit outage, or a transport failure. Retryable
 * for 5xx and transport failures only.
 */
public final class IntuitOAuthException extends QuickBooksException {
  private static final long serialVersionUID = 1L;
  /** The statusCode value (serialized form), 0 when there is none. */
  private final int statusCode;
  /** The error value (serialized form). */
  private final String error;
  /** The intuitTid value (serialized form). */
  private final String intuitTid;
  /** The retryable value (serialized form). */
  private final boolean retryable;

  IntuitOAuthException(
      String message,
      int statusCode,
      String error,
      String intuitTid,
      Throwable cause,
      boolean retryable) {
    super(message, cause);
    this.retryable = retryable;
    this.statusCode = statusCode;
    this.error = error;
    this.intuitTid = intuitTid;
  }

  /**
   * The HTTP status of Intuit's answer.
   *
   * @return the status, empty when no response arrived (transport failure), the failure was
   *     found before sending (the user declined, no code) or the answer was not JSON
   */
  public OptionalInt statusCode() {
    return statusCode > 0 ? OptionalInt.of(statusCode) : OptionalInt.empty();
  }

  /**
   * The OAuth {@code error} code, for example {@code invalid_client}.
   *
   * @return the error code
   */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /**
   * Intuit's transaction id.
   *
   * @return the {@code intuit_tid}
   */
  public Optional<String> intuitTid() {
    return Optional.ofNullable(intuitTid);
  }

  /**
   * True for 5xx responses and transport failures.
   *
   * @return whether trying again later may help
   */
  @Override
  public boolean isRetryable() {
    return retryable;
  }
}
