package dev.qbmc.quickbooks.oauth;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The query parameters Intuit adds to your redirect URI: {@code code}, {@code state},
 * {@code realmId}, or {@code error} when the user declined. {@code toString} hides the code.
 */
public final class AuthorizationCallback {
  private final String code;
  private final String state;
  private final String realmId;
  private final String error;

  private AuthorizationCallback(String code, String state, String realmId, String error) {
    this.code = code;
    this.state = state;
    this.realmId = realmId;
    this.error = error;
  }

  /**
   * Parses the redirect URI (or just its query string) Intuit sent the browser to.
   *
   * @param redirect the full redirect URI
   * @return the parameters
   * @throws IllegalArgumentException when a parameter is not correctly URL-encoded
   */
  public static AuthorizationCallback fromRedirectUri(URI redirect) {
    Objects.requireNonNull(redirect, "redirect");
    return fromQueryString(redirect.getRawQuery() == null ? "" : redirect.getRawQuery());
  }

  /**
   * Parses a raw (URL-encoded) query string.
   *
   * @param rawQuery for example {@code code=...&state=...&realmId=...}
   * @return the parameters
   * @throws IllegalArgumentException when a parameter is not correctly URL-encoded
   */
  public static AuthorizationCallback fromQueryString(String rawQuery) {
    Objects.requireNonNull(rawQuery, "rawQuery");
    Map<String, String> params = new HashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.putIfAbsent(name, value);
    }
    return new AuthorizationCallback(
        blankToNull(params.get("code")),
        blankToNull(params.get("state")),
        blankToNull(params.get("realmId")),
        blankToNull(params.get("error")));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /**
   * The authorization code to exchange.
   *
   * @return the code, empty when the user declined
   */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  /**
   * The state to verify with {@link OAuthStateSigner#verify(String, String)}.
   *
   * @return the state
   */
  public Optional<String> state() {
    return Optional.ofNullable(state);
  }

  /**
   * The company the user connected.
   *
   * @return the realm id
   */
  public Optional<String> realmId() {
    return Optional.ofNullable(realmId);
  }

  /**
   * The OAuth error, for example {@code access_denied}.
   *
   * @return the error
   */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  @Override
  public String toString() {
    return "AuthorizationCallback{code=" + (code == null ? "absent" : "[redacted]") + ", state="
        + (state == null ? "absent" : "present") + ", realmId=" + realmId + ", error=" + error + "}";
  }
}
