package dev.qbmc.quickbooks.oauth;

import static dev.qbmc.quickbooks.internal.Checks.requirePositive;
import static dev.qbmc.quickbooks.internal.Checks.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qbmc.quickbooks.internal.QboJacksonModule;
import dev.qbmc.quickbooks.internal.Uris;
import dev.qbmc.quickbooks.internal.BoundedBody;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Intuit OAuth 2.0 (authorization code flow) for QuickBooks Online apps. Thread-safe.
 *
 * <pre>{@code
 * IntuitOAuth oauth = IntuitOAuth.builder()
 *     .clientId(id).clientSecret(secret)
 *     .redirectUri(URI.create("https://app.example.com/qbo/callback"))
 *     .build();
 * URI consent = oauth.authorizationUri(List.of(IntuitOAuth.SCOPE_ACCOUNTING), signer.create(sessionId));
 * // ... on the redirect:
 * AuthorizationCallback cb = AuthorizationCallback.fromRedirectUri(redirect);
 * if (!signer.verify(cb.state().orElse(null), sessionId)) { reject(); }
 * IntuitTokens tokens = oauth.exchange(cb);   // tokens.realmId() is the company
 * }</pre>
 *
 * <p>{@code invalid_grant} from the token endpoint becomes {@link ReauthorizationRequiredException}
 * (never retried); other failures become {@link IntuitOAuthException}. Nothing here retries
 * automatically: token calls are not idempotent. The client secret and tokens never appear in
 * {@code toString} or exception messages.
 */
public final class IntuitOAuth {
  /** The largest token or revocation response read (1 MiB); Intuit's are a few KB. */
  private static final int MAX_RESPONSE_BYTES = 1024 * 1024;
  /** Scope for the Accounting API (needed for QuickBooks Online data). */
  public static final String SCOPE_ACCOUNTING = "com.intuit.quickbooks.accounting";
  /** OpenID Connect scope. */
  public static final String SCOPE_OPENID = "openid";
  /** Default authorization endpoint. */
  public static final URI DEFAULT_AUTHORIZATION_ENDPOINT =
      URI.create("https://appcenter.intuit.com/connect/oauth2");
  /** Default token endpoint. */
  public static final URI DEFAULT_TOKEN_ENDPOINT =
      URI.create("https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer");
  /** Default revocation endpoint. */
  public static final URI DEFAULT_REVOCATION_ENDPOINT =
      URI.create("https://developer.api.intuit.com/v2/oauth2/tokens/revoke");

  private final String clientId;
  private final String clientSecret;
  private final URI redirectUri;
  private final URI authorizationEndpoint;
  private final URI tokenEndpoint;
  private final URI revocationEndpoint;
  private final HttpClient http;
  private final Clock clock;
  private final Duration timeout;
  private final String userAgent;
  private final boolean requestHardExpiry;
  private final ObjectMapper mapper = QboJacksonModule.newMapper();

  private IntuitOAuth(Builder b) {
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.redirectUri = b.redirectUri;
    this.authorizationEndpoint = b.authorizationEndpoint;
    this.tokenEndpoint = b.tokenEndpoint;
    this.revocationEndpoint = b.revocationEndpoint;
    this.http = b.httpClient != null ? b.httpClient : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.clock = b.clock;
    this.timeout = b.requestTimeout;
    this.userAgent = b.userAgent;
    this.requestHardExpiry = b.requestRefreshTokenHardExpiry;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The URL to send the user's browser to for consent.
   *
   * @param scopes at least one scope, for example {@link #SCOPE_ACCOUNTING}
   * @param state the value to get back on the redirect, for example from {@link OAuthStateSigner}
   * @return the authorization URL
   * @throws IllegalArgumentException when there is no scope, a scope is blank or has a space, or
   *     the state is blank
   */
  public URI authorizationUri(Collection<String> scopes, String state) {
    Objects.requireNonNull(scopes, "scopes");
    if (scopes.isEmpty() || scopes.stream().anyMatch(s -> s == null || s.isBlank() || s.contains(" "))) {
      throw new IllegalArgumentException("scopes must be non-empty and contain no blanks");
    }
    if (state == null || state.isBlank()) {
      throw new IllegalArgumentException("state must not be null or blank");
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("client_id", clientId);
    params.put("response_type", "code");
    params.put("scope", String.join(" ", scopes));
    params.put("redirect_uri", redirectUri.toString());
    params.put("state", state);
    String separator = authorizationEndpoint.getRawQuery() == null ? "?" : "&";
    return URI.create(authorizationEndpoint + separator + form(params));
  }

  /**
   * Exchanges the parameters of the redirect for tokens.
   *
   * @param callback the parsed redirect; verify its state first
   * @return the tokens with {@link IntuitTokens#realmId()} set
   * @throws IntuitOAuthException when the user declined ({@code error} present), or Intuit refuses
   *     the code for another reason than {@code invalid_grant}, answers 5xx or something unreadable,
   *     or cannot be reached
   * @throws IllegalArgumentException when the redirect has no code or no realm id
   * @throws ReauthorizationRequiredException when the code is invalid, expired or used
   */
  public IntuitTokens exchange(AuthorizationCallback callback) {
    Objects.requireNonNull(callback, "callback");
    if (callback.error().isPresent()) {
      throw new IntuitOAuthException(
          "Authorization was not granted: " + callback.error().get(),
          0,
          callback.error().get(),
          null,
          null,
          false);
    }
    String code =
        callback.code().orElseThrow(() -> new IllegalArgumentException("redirect has no code"));
    String realm =
        callback.realmId().orElseThrow(() -> new IllegalArgumentException("redirect has no realmId"));
    return exchangeCode(code, realm);
  }

  /**
   * Exchanges an authorization code for tokens.
   *
   * @param code the {@code code} from the redirect
   * @param realmId the {@code realmId} from the redirect
   * @return the tokens
   * @throws ReauthorizationRequiredException when the code is invalid, expired or used
   * @throws IllegalArgumentException when the code or the realm id is blank
   * @throws IntuitOAuthException if Intuit refuses the call for another reason than {@code
   *     invalid_grant} (a configuration error such as {@code invalid_client}), answers 5xx or something
   *     unreadable, or cannot be reached
   */
  public IntuitTokens exchangeCode(String code, String realmId) {
    requireText(code, "code");
    requireText(realmId, "realmId");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri.toString());
    return tokenRequest(form, realmId, "authorization code exchange");
  }

  /**
   * Gets a new access token. Persist the returned refresh token (it may differ from the one
   * passed in).
   *
   * @param refreshToken the newest refresh token you have
   * @return the new tokens
   * @throws ReauthorizationRequiredException on {@code invalid_grant}: the user must connect again
   * @throws IllegalArgumentException when the refresh token is blank
   * @throws IntuitOAuthException if Intuit refuses the call for another reason than {@code
   *     invalid_grant} (a configuration error such as {@code invalid_client}), answers 5xx or something
   *     unreadable, or cannot be reached
   */
  public IntuitTokens refresh(String refreshToken) {
    requireText(refreshToken, "refreshToken");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    return tokenRequest(form, null, "token refresh");
  }

  /**
   * Revokes a refresh or access token (disconnects the app from the company). Revoking a token
   * Intuit already considers invalid succeeds, so disconnecting twice is harmless.
   *
   * @param token the refresh token (preferred) or access token
   * @throws IllegalArgumentException when the token is blank
   * @throws IntuitOAuthException if Intuit refuses the call for another reason than {@code
   *     invalid_grant} (a configuration error such as {@code invalid_client}), answers 5xx or something
   *     unreadable, or cannot be reached
   */
  public void revoke(String token) {
    requireText(token, "token");
    String body;
    try {
      body = mapper.writeValueAsString(Map.of("token", token));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    HttpRequest request =
        baseRequest(revocationEndpoint)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<byte[]> response = send(request, "token revocation");
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    OAuthError error = parseError(response.body());
    if (status == 400 && "invalid_grant".equals(error.code)) {
      return;
    }
    throw failure("token revocation", response, error);
  }

  private IntuitTokens tokenRequest(Map<String, String> form, String realmId, String what) {
    HttpRequest.Builder builder =
        baseRequest(tokenEndpoint)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(form)));
    if (requestHardExpiry) {
      builder.header("x-include-refresh-token-hard-expires-in", "true");
    }
    HttpResponse<byte[]> response = send(builder.build(), what);
    Instant receivedAt = clock.instant();
    int status = response.statusCode();
    if (status < 200 || status >= 300) {
      OAuthError error = parseError(response.body());
      if ("invalid_grant".equals(error.code)) {
        throw new ReauthorizationRequiredException(
            "Intuit refused the " + what + " with invalid_grant"
                + error.description.map(d -> " (" + d + ")").orElse("")
                + ": the user must connect the app to QuickBooks Online again",
            tid(response));
      }
      throw failure(what, response, error);
    }
    JsonNode json = readJson(response.body());
    String access = text(json, "access_token");
    String refresh = text(json, "refresh_token");
    if (access == null || refresh == null || !json.path("expires_in").canConvertToLong()
        || !json.path("x_refresh_token_expires_in").canConvertToLong()) {
      throw new IntuitOAuthException(
          "Intuit's " + what + " response lacks tokens or expiry", status, null, tid(response), null, false);
    }
    IntuitTokens.Builder tokens =
        IntuitTokens.builder()
            .accessToken(access)
            .refreshToken(refresh)
            .accessTokenExpiresAt(receivedAt.plusSeconds(json.get("expires_in").asLong()))
            .refreshTokenExpiresAt(receivedAt.plusSeconds(json.get("x_refresh_token_expires_in").asLong()))
            .idToken(Optional.ofNullable(text(json, "id_token")))
            .realmId(Optional.ofNullable(realmId));
    JsonNode hard = json.get("x_refresh_token_hard_expires_in");
    if (hard != null && hard.canConvertToLong()) {
      tokens.refreshTokenHardExpiresAt(receivedAt.plusSeconds(hard.asLong()));
    }
    return tokens.build();
  }

  private HttpRequest.Builder baseRequest(URI endpoint) {
    String basic =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .header("Authorization", "Basic " + basic)
        .header("Accept", "application/json")
        .header("User-Agent", userAgent);
  }

  private HttpResponse<byte[]> send(HttpRequest request, String what) {
    try {
      return http.send(request, BoundedBody.ofByteArray(MAX_RESPONSE_BYTES));
    } catch (IOException e) {
      if (BoundedBody.tooLarge(e)) {
        throw new IntuitOAuthException(
            "Intuit " + what + " answered with a body larger than " + MAX_RESPONSE_BYTES + " bytes", 0, null, null, e,
            false);
      }
      throw new IntuitOAuthException(
          "Intuit " + what + " failed: " + e.getClass().getSimpleName(), 0, null, null, e, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IntuitOAuthException("Interrupted during Intuit " + what, 0, null, null, e, false);
    }
  }

  private record OAuthError(String code, Optional<String> description) {}

  private OAuthError parseError(byte[] body) {
    try {
      JsonNode json = readJson(body);
      String description = text(json, "error_description");
      if (description != null && description.length() > 200) {
        description = description.substring(0, 200);
      }
      return new OAuthError(text(json, "error"), Optional.ofNullable(description));
    } catch (IntuitOAuthException notJson) {
      return new OAuthError(null, Optional.empty());
    }
  }

  private IntuitOAuthException failure(String what, HttpResponse<byte[]> response, OAuthError error) {
    return new IntuitOAuthException(
        "Intuit " + what + " failed (HTTP " + response.statusCode()
            + (error.code == null ? "" : ", " + error.code)
            + error.description.map(d -> ": " + d).orElse("") + ")",
        response.statusCode(),
        error.code,
        tid(response),
        null,
        response.statusCode() >= 500);
  }

  private JsonNode readJson(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    try {
      JsonNode node = mapper.readTree(text);
      if (node == null || !node.isObject()) {
        throw new IOException("not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new IntuitOAuthException(
          "Intuit returned a body that is not a JSON object", 0, null, null, null, false);
    }
  }

  private static String text(JsonNode json, String field) {
    JsonNode node = json.get(field);
    return node == null || node.isNull() || node.asText().isEmpty() ? null : node.asText();
  }

  private static String tid(HttpResponse<?> response) {
    return response.headers().firstValue("intuit_tid").orElse(null);
  }

  private static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
        .collect(Collectors.joining("&"));
  }

  @Override
  public String toString() {
    return "IntuitOAuth{clientId=" + clientId + ", clientSecret=[redacted], redirectUri=" + redirectUri + "}";
  }

  /** Configures {@link IntuitOAuth}; client id, client secret and redirect URI are required. */
  public static final class Builder {
    private String clientId;
    private String clientSecret;
    private URI redirectUri;
    private URI authorizationEndpoint = DEFAULT_AUTHORIZATION_ENDPOINT;
    private URI tokenEndpoint = DEFAULT_TOKEN_ENDPOINT;
    private URI revocationEndpoint = DEFAULT_REVOCATION_ENDPOINT;
    private HttpClient httpClient;
    private Clock clock = Clock.systemUTC();
    private Duration requestTimeout = Duration.ofSeconds(30);
    private String userAgent = "qbmc-quickbooks-client/0.1 (Java " + Runtime.version().feature() + ")";
    private boolean requestRefreshTokenHardExpiry;

    private Builder() {}

    /**
     * The app's client id.
     *
     * @param clientId the id
     * @return this builder
     * @throws IllegalArgumentException when blank
     */
    public Builder clientId(String clientId) {
      requireText(clientId, "clientId");
      this.clientId = clientId;
      return this;
    }

    /**
     * The app's client secret (never shown in {@code toString}).
     *
     * @param clientSecret the secret
     * @return this builder
     * @throws IllegalArgumentException when blank
     */
    public Builder clientSecret(String clientSecret) {
      requireText(clientSecret, "clientSecret");
      this.clientSecret = clientSecret;
      return this;
    }

    /**
     * The redirect URI registered for the app (HTTPS, or HTTP on loopback for development).
     *
     * @param redirectUri the URI
     * @return this builder
     * @throws IllegalArgumentException when the URI is not absolute HTTPS (or loopback HTTP), or
     *     carries user info or a fragment
     */
    public Builder redirectUri(URI redirectUri) {
      this.redirectUri = Uris.requireHttps(redirectUri, "redirectUri", true);
      return this;
    }

    /**
     * Overrides the authorization endpoint (for example from Intuit's discovery document).
     *
     * @param endpoint the endpoint
     * @return this builder
     * @throws IllegalArgumentException when the URI is not absolute HTTPS (or loopback HTTP), or
     *     carries user info or a fragment
     */
    public Builder authorizationEndpoint(URI endpoint) {
      this.authorizationEndpoint = Uris.requireHttps(endpoint, "authorizationEndpoint", true);
      return this;
    }

    /**
     * Overrides the token endpoint.
     *
     * @param endpoint the endpoint
     * @return this builder
     * @throws IllegalArgumentException when the URI is not absolute HTTPS (or loopback HTTP), or
     *     carries user info, a query or a fragment
     */
    public Builder tokenEndpoint(URI endpoint) {
      this.tokenEndpoint = Uris.requireHttps(endpoint, "tokenEndpoint", false);
      return this;
    }

    /**
     * Overrides the revocation endpoint.
     *
     * @param endpoint the endpoint
     * @return this builder
     * @throws IllegalArgumentException when the URI is not absolute HTTPS (or loopback HTTP), or
     *     carries user info, a query or a fragment
     */
    public Builder revocationEndpoint(URI endpoint) {
      this.revocationEndpoint = Uris.requireHttps(endpoint, "revocationEndpoint", false);
      return this;
    }

    /**
     * Sets the authorization, token and revocation endpoints from Intuit's OpenID discovery
     * document (fetched by you, for example from
     * {@code https://developer.api.intuit.com/.well-known/openid_configuration}), as Intuit asks
     * apps to do. A UTF-8 byte order mark is accepted.
     *
     * @param discoveryJson the discovery document
     * @return this builder
     * @throws IllegalArgumentException when the document is not JSON or lacks one of the endpoints
     */
    public Builder discoveryDocument(byte[] discoveryJson) {
      Objects.requireNonNull(discoveryJson, "discoveryJson");
      String text = new String(discoveryJson, StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      JsonNode doc;
      try {
        doc = new ObjectMapper().readTree(text);
      } catch (IOException e) {
        throw new IllegalArgumentException("Discovery document is not JSON", e);
      }
      if (doc == null || !doc.isObject()) {
        throw new IllegalArgumentException("Discovery document is not a JSON object");
      }
      URI authorization = endpoint(doc, "authorization_endpoint");
      URI token = endpoint(doc, "token_endpoint");
      URI revocation = endpoint(doc, "revocation_endpoint");
      authorizationEndpoint(authorization);
      tokenEndpoint(token);
      revocationEndpoint(revocation);
      return this;
    }

    private static URI endpoint(JsonNode doc, String field) {
      JsonNode value = doc.get(field);
      if (value == null || !value.isTextual() || value.asText().isBlank()) {
        throw new IllegalArgumentException("Discovery document lacks " + field);
      }
      try {
        return new URI(value.asText());
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException("Discovery document has an invalid " + field, e);
      }
    }

    /**
     * The HTTP client (default a new one).
     *
     * @param httpClient the client
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * The clock used to turn {@code expires_in} into instants.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Timeout per token call (default 30 s).
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException when zero or negative
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = requirePositive(timeout, "requestTimeout");
      return this;
    }

    /**
     * The {@code User-Agent} header.
     *
     * @param userAgent non-blank text
     * @return this builder
     * @throws IllegalArgumentException when blank
     */
    public Builder userAgent(String userAgent) {
      requireText(userAgent, "userAgent");
      this.userAgent = userAgent;
      return this;
    }

    /**
     * Asks Intuit for the refresh token's hard expiry ({@code x-include-refresh-token-hard-expires-in}).
     *
     * @param request true to ask
     * @return this builder
     */
    public Builder requestRefreshTokenHardExpiry(boolean request) {
      this.requestRefreshTokenHardExpiry = request;
      return this;
    }

    /**
     * Builds the OAuth helper.
     *
     * @return the helper
     * @throws IllegalStateException when client id, secret or redirect URI is missing
     */
    public IntuitOAuth build() {
      if (clientId == null || clientSecret == null || redirectUri == null) {
        throw new IllegalStateException("clientId, clientSecret and redirectUri are required");
      }
      return new IntuitOAuth(this);
    }
  }

  /**
   * Scopes needed by an app that only reads accounting data.
   *
   * @return the accounting scope
   */
  public static List<String> accountingScopes() {
    return List.of(SCOPE_ACCOUNTING);
  }
}
