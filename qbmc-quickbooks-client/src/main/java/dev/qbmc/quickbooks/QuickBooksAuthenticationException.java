package dev.qbmc.quickbooks;

import java.util.List;

/**
 * The access token was refused (code 3200, HTTP 401) even after the {@link AccessTokenProvider} was
 * told and the request was repeated once with a fresh token. The connection needs a valid token;
 * if refreshing fails with {@code invalid_grant} the user must re-authorise.
 */
public final class QuickBooksAuthenticationException extends QuickBooksServiceException {
  private static final long serialVersionUID = 1L;

  QuickBooksAuthenticationException(String summary, int statusCode, List<QuickBooksError> errors, String faultType, String intuitTid) {
    super(summary, statusCode, errors, faultType, intuitTid);
  }
}
