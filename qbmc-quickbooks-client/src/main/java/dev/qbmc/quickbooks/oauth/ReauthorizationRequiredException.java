package dev.qbmc.quickbooks.oauth;

import dev.qbmc.quickbooks.QuickBooksException;

/**
 * Intuit answered {@code invalid_grant}: the refresh token or authorization code is expired,
 * revoked, already rotated past its grace period, or from the other environment. Never retried;
 * the user must connect the app again.
 */
public final class ReauthorizationRequiredException extends QuickBooksException {
  private static final long serialVersionUID = 1L;
  /** The intuitTid value (serialized form). */
  private final String intuitTid;

  ReauthorizationRequiredException(String message, String intuitTid) {
    super(message);
    this.intuitTid = intuitTid;
  }

  /**
   * Intuit's transaction id of the failed token call.
   *
   * @return the {@code intuit_tid}
   */
  public java.util.Optional<String> intuitTid() {
    return java.util.Optional.ofNullable(intuitTid);
  }
}
