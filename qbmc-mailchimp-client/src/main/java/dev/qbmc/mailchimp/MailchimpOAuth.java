package dev.qbmc.mailchimp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qbmc.mailchimp.internal.MailchimpJson;
import dev.qbmc.mailchimp.model.OAuthMetadata;
import dev.qbmc.mailchimp.model.OAuthToken;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Mailchimp's OAuth 2.0 authorisation-code flow: the authorisation URL (with {@code state}), the code
 * exchange and the token metadata lookup (data centre and API endpoint). Mailchimp tokens never expire and
 * have no refresh token. The client secret never appears in {@link #toString()} or messages.
 */
public final class MailchimpOAuth {
  private static final URI LOGIN = URI.create("https://login.mailchimp.com");

  private final String clientId;
  private final String clientSecret;
  private final URI redirectUri;
  private final URI loginBase;
  private final HttpClient http;
  private final Clock clock;
  private final Duration timeout;
  private final String userAgent;

  private MailchimpOAuth(Builder b) {
    this.clientId = requireText(b.clientId, "clientId");
    this.clientSecret = requireText(b.clientSecret, "clientSecret");
    this.redirectUri = Objects.requireNonNull(b.redirectUri, "redirectUri is required");
    this.loginBase = b.loginBase;
    this.http = b.httpClient != null ? b.httpClient : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.clock = b.clock;
    this.timeout = b.requestTimeout;
    this.userAgent = b.userAgent;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The URL to send the user's browser to.
   *
   * @param state an unguessable value bound to the user's session, checked when the redirect comes back
   * @return {@code https://login.mailchimp.com/oauth2/authorize?response_type=code&client_id=...&redirect_uri=...&state=...}
   * @throws IllegalArgumentException if {@code state} is blank
   */
  public URI authorizationUri(String state) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("response_type", "code");
    q.put("client_id", clientId);
    q.put("redirect_uri", redirectUri.toString());
    q.put("state", requireText(state, "state"));
    return URI.create(loginBase + "/oauth2/authorize?" + form(q));
  }

  /**
   * Exchanges the authorisation code for an access token ({@code POST /oauth2/token}). A code works once.
   *
   * @param code the code from the redirect
   * @return the token
   * @throws MailchimpAuthenticationException if Mailchimp refuses the code or the client credentials
   * @throws MailchimpException if the call fails otherwise (throttling, a server error, a
   *     connection failure, an unreadable answer)
   */
  public OAuthToken exchangeCode(String code) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("grant_type", "authorization_code");
    f.put("client_id", clientId);
    f.put("client_secret", clientSecret);
    f.put("redirect_uri", redirectUri.toString());
    f.put("code", requireText(code, "code"));
    HttpRequest request = HttpRequest.newBuilder(URI.create(loginBase + "/oauth2/token"))
        .timeout(timeout)
        .header("User-Agent", userAgent)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form(f)))
        .build();
    JsonNode body = call(request, "token exchange");
    if (!body.hasNonNull("access_token")) {
      throw refused(body, "token exchange");
    }
    return MailchimpJson.mapper().convertValue(body, OAuthToken.class);
  }

  /**
   * The metadata of an access token ({@code GET /oauth2/metadata}): its data centre and API endpoint, for
   * {@link MailchimpCredentials#oauthToken(String, OAuthMetadata)}. Mailchimp answers an invalid token with
   * HTTP 200 and {@code {"error":"invalid_token"}}; that is reported as an authentication failure.
   *
   * @param accessToken the token
   * @return the metadata
   * @throws MailchimpAuthenticationException if the token is invalid or revoked
   * @throws MailchimpException if the call fails otherwise (throttling, a server error, a
   *     connection failure, an unreadable answer)
   */
  public OAuthMetadata metadata(String accessToken) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(loginBase + "/oauth2/metadata"))
        .timeout(timeout)
        .header("User-Agent", userAgent)
        .header("Authorization", "OAuth " + requireText(accessToken, "accessToken"))
        .header("Accept", "application/json")
        .GET()
        .build();
    JsonNode body = call(request, "metadata lookup");
    if (body.hasNonNull("error") || !body.hasNonNull("dc") || !body.hasNonNull("api_endpoint")) {
      throw refused(body, "metadata lookup");
    }
    return MailchimpJson.mapper().convertValue(body, OAuthMetadata.class);
  }

  private JsonNode call(HttpRequest request, String what) {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new MailchimpTransportException("OAuth " + what + " failed: " + e.getClass().getSimpleName(), e, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MailchimpTransportException("interrupted during OAuth " + what, e, false);
    }
    JsonNode body;
    try {
      body = MailchimpJson.mapper().readTree(response.body());
    } catch (IOException e) {
      body = null;
    }
    int status = response.statusCode();
    if (status >= 500 || status == 429) {
      throw Errors.map(status, response.body(), response.headers().firstValue("Retry-After"), clock);
    }
    if (status >= 400) {
      throw refused(body, what);
    }
    if (body == null || !body.isObject()) {
      throw new MailchimpMalformedResponseException("OAuth " + what + " returned no JSON object", null);
    }
    return body;
  }

  private static MailchimpAuthenticationException refused(JsonNode body, String what) {
    String error = body == null ? "" : body.path("error").asText("");
    String description = body == null ? "" : body.path("error_description").asText("");
    return new MailchimpAuthenticationException(ProblemDocument.of(401, error.isEmpty() ? "OAuth refused" : error,
        "OAuth " + what + " refused" + (description.isEmpty() ? "" : ": " + description)));
  }

  private static String form(Map<String, String> values) {
    return values.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String requireText(String value, String name) {
    Objects.requireNonNull(value, name + " is required");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  @Override
  public String toString() {
    return "MailchimpOAuth{clientId=" + clientId + ", clientSecret=****, redirectUri=" + redirectUri + "}";
  }

  /** Builder of {@link MailchimpOAuth}. Client id, client secret and redirect URI are required. */
  public static final class Builder {
    private String clientId;
    private String clientSecret;
    private URI redirectUri;
    private URI loginBase = LOGIN;
    private HttpClient httpClient;
    private Clock clock = Clock.systemUTC();
    private Duration requestTimeout = Duration.ofSeconds(30);
    private String userAgent = "qbmc-mailchimp-client/0.1 (Java " + Runtime.version().feature() + ")";

    private Builder() {}

    /**
     * The registered app's client id.
     *
     * @param clientId the client id
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /**
     * The registered app's client secret (kept server-side; never shown).
     *
     * @param clientSecret the secret
     * @return this builder
     */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /**
     * The redirect URI registered with the app.
     *
     * @param redirectUri the redirect URI
     * @return this builder
     */
    public Builder redirectUri(URI redirectUri) {
      this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
      return this;
    }

    /**
     * Uses another login host than {@code https://login.mailchimp.com} (proxy, simulator). Must be
     * HTTPS unless the host is a loopback address ({@code localhost}, {@code 127.x.x.x}, {@code ::1}).
     *
     * @param loginBaseUri the login host's base URI
     * @return this builder
     * @throws IllegalArgumentException when the URI is not absolute HTTPS (or loopback HTTP)
     */
    public Builder loginBaseUri(URI loginBaseUri) {
      this.loginBase = Urls.stripTrailingSlash(Urls.requireHttps(loginBaseUri, "loginBaseUri", false));
      return this;
    }

    /**
     * The HTTP client to use (default: a new one with a 10 s connect timeout).
     *
     * @param httpClient the client
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * The clock for {@code Retry-After} dates (default: system UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Timeout of each OAuth call (default 30 s).
     *
     * @param requestTimeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException when zero or negative
     */
    public Builder requestTimeout(Duration requestTimeout) {
      Objects.requireNonNull(requestTimeout, "requestTimeout");
      if (requestTimeout.isNegative() || requestTimeout.isZero()) {
        throw new IllegalArgumentException("requestTimeout must be positive");
      }
      this.requestTimeout = requestTimeout;
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
      this.userAgent = requireText(userAgent, "userAgent");
      return this;
    }

    /**
     * Builds the OAuth helper.
     *
     * @return the helper
     * @throws NullPointerException if a required value is missing
     */
    public MailchimpOAuth build() {
      return new MailchimpOAuth(this);
    }
  }
}
