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
  private final Duration timeout;

  private MailchimpOAuth(Builder b) {
    this.clientId = requireText(b.clientId, "clientId");
    this.clientSecret = requireText(b.clientSecret, "clientSecret");
    this.redirectUri = Objects.requireNonNull(b.redirectUri, "redirectUri is required");
    this.loginBase = b.loginBase;
    this.http = b.http != null ? b.http : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.timeout = b.timeout;
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
  public URI authorizationUrl(String state) {
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
   */
  public OAuthMetadata metadata(String accessToken) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(loginBase + "/oauth2/metadata"))
        .timeout(timeout)
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
      throw Errors.map(status, response.body(), response.headers().firstValue("Retry-After"), java.time.Clock.systemUTC());
    }
    if (status >= 400) {
      throw refused(body, what);
    }
    if (body == null || !body.isObject()) {
      throw new MailchimpProtocolException("OAuth " + what + " returned no JSON object", null);
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
    private HttpClient http;
    private Duration timeout = Duration.ofSeconds(30);

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
     * Overrides {@code https://login.mailchimp.com} (tests and simulators).
     *
     * @param loginBase the base URL; HTTPS required except on loopback addresses
     * @return this builder
     */
    public Builder loginBaseUrl(URI loginBase) {
      this.loginBase = Urls.stripTrailingSlash(Urls.requireSecure(Objects.requireNonNull(loginBase, "loginBase"), "loginBaseUrl"));
      return this;
    }

    /**
     * The HTTP client to use.
     *
     * @param http the client
     * @return this builder
     */
    public Builder httpClient(HttpClient http) {
      this.http = Objects.requireNonNull(http, "http");
      return this;
    }

    /**
     * The timeout of each request (default 30 s).
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
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
