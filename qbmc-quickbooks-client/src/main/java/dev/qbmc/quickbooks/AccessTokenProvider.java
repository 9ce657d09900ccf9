package dev.qbmc.quickbooks;

import dev.qbmc.quickbooks.internal.Checks;

/**
 * Supplies the OAuth 2.0 access token for one realm. Implementations typically read a token store
 * and refresh through {@link dev.qbmc.quickbooks.oauth.IntuitOAuth} when the token is about to
 * expire. Called from many threads at once: implementations must be thread-safe and should
 * serialise refreshes per realm (QBO rotates refresh tokens).
 */
public interface AccessTokenProvider {

  /**
   * The access token to send now.
   *
   * @return the current access token, never null or blank
   * @throws QuickBooksException when no token can be obtained (for example re-authorisation is
   *     required)
   */
  String accessToken();

  /**
   * Tells the provider that QBO refused this token (HTTP 401, code 3200). The provider should
   * refresh so that the next {@link #accessToken()} returns a new token; the client then repeats the
   * request once. Called at most once per request.
   *
   * @param rejectedToken the token QBO refused, so a provider can ignore the call when it already
   *     refreshed past it
   */
  void tokenRejected(String rejectedToken);

  /**
   * A provider with one fixed token that can not be refreshed (scripts, tests). Its
   * {@code toString} never shows the token.
   *
   * @param accessToken the token
   * @return the provider
   * @throws IllegalArgumentException when the token is null or blank
   */
  static AccessTokenProvider ofStatic(String accessToken) {
    Checks.requireText(accessToken, "accessToken");
    return new AccessTokenProvider() {
      @Override
      public String accessToken() {
        return accessToken;
      }

      @Override
      public void tokenRejected(String rejectedToken) {
        // A fixed token can not be refreshed; the retry will fail with an authentication error.
      }

      @Override
      public String toString() {
        return "AccessTokenProvider.ofStatic([redacted])";
      }
    };
  }
}
