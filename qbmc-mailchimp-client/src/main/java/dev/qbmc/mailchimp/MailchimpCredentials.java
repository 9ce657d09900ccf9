package dev.qbmc.mailchimp;

import dev.qbmc.mailchimp.model.OAuthMetadata;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the client authenticates: an API key (its data centre is the {@code -usN} suffix; sent as HTTP Basic)
 * or an OAuth 2.0 access token (with the data centre or API endpoint from the OAuth metadata; sent as
 * Bearer). The secret never appears in {@link #toString()} or in exception messages.
 */
public final class MailchimpCredentials {
  private static final Pattern DATA_CENTER = Pattern.compile("[a-z]{2,}[0-9]{1,3}");

  private final boolean apiKey;
  private final String secret;
  private final String dataCenter;
  private final URI apiRoot;

  private MailchimpCredentials(boolean apiKey, String secret, String dataCenter, URI apiRoot) {
    this.apiKey = apiKey;
    this.secret = secret;
    this.dataCenter = dataCenter;
    this.apiRoot = apiRoot;
  }

  /**
   * Credentials from an API key such as {@code 0123456789abcdef0123456789abcdef-us6}.
   *
   * @param apiKey the key
   * @return the credentials
   * @throws NullPointerException if {@code apiKey} is null
   * @throws IllegalArgumentException if the key has no valid data-centre suffix (the message omits the key)
   */
  public static MailchimpCredentials apiKey(String apiKey) {
    Objects.requireNonNull(apiKey, "apiKey");
    String key = apiKey.strip();
    int dash = key.lastIndexOf('-');
    String dc = dash > 0 ? key.substring(dash + 1).toLowerCase(Locale.ROOT) : "";
    if (!DATA_CENTER.matcher(dc).matches() || dash < 8) {
      throw new IllegalArgumentException(
          "not a Mailchimp API key: expected <key>-<data centre>, e.g. ...-us6 (key not shown)");
    }
    return new MailchimpCredentials(true, key, dc, dataCenterRoot(dc));
  }

  /**
   * Credentials from an OAuth access token and its data centre (from {@link MailchimpOAuth#metadata}).
   *
   * @param accessToken the access token
   * @param dataCenter the data centre, e.g. {@code us6}
   * @return the credentials
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the token is blank or the data centre malformed
   */
  public static MailchimpCredentials oauthToken(String accessToken, String dataCenter) {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(dataCenter, "dataCenter");
    String dc = dataCenter.strip().toLowerCase(Locale.ROOT);
    if (accessToken.isBlank()) {
      throw new IllegalArgumentException("accessToken must not be blank");
    }
    if (!DATA_CENTER.matcher(dc).matches()) {
      throw new IllegalArgumentException("not a Mailchimp data centre: " + dataCenter);
    }
    return new MailchimpCredentials(false, accessToken.strip(), dc, dataCenterRoot(dc));
  }

  /**
   * Credentials from an OAuth access token and the metadata Mailchimp returned for it; the API root is
   * {@code api_endpoint + "/3.0"}.
   *
   * @param accessToken the access token
   * @param metadata the token's metadata
   * @return the credentials
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the endpoint is not an HTTPS URL
   */
  public static MailchimpCredentials oauthToken(String accessToken, OAuthMetadata metadata) {
    Objects.requireNonNull(metadata, "metadata");
    MailchimpCredentials base = oauthToken(accessToken, metadata.dataCenter());
    URI endpoint = URI.create(metadata.apiEndpoint().replaceAll("/+$", ""));
    if (!"https".equalsIgnoreCase(endpoint.getScheme()) || endpoint.getHost() == null) {
      throw new IllegalArgumentException("api_endpoint must be an HTTPS URL: " + metadata.apiEndpoint());
    }
    return new MailchimpCredentials(false, base.secret, base.dataCenter, URI.create(endpoint + "/3.0"));
  }

  private static URI dataCenterRoot(String dc) {
    return URI.create("https://" + dc + ".api.mailchimp.com/3.0");
  }

  /**
   * The data centre the account lives in.
   *
   * @return e.g. {@code us6}
   */
  public String dataCenter() {
    return dataCenter;
  }

  /**
   * The API root these credentials lead to when no base URI is configured:
   * {@code https://<dc>.api.mailchimp.com/3.0}, or the OAuth {@code api_endpoint} plus {@code /3.0}.
   *
   * @return the default base URI
   */
  public URI defaultBaseUri() {
    return apiRoot;
  }

  /**
   * Whether these are API-key credentials.
   *
   * @return true for an API key, false for an OAuth token
   */
  public boolean isApiKey() {
    return apiKey;
  }

  String authorizationHeader() {
    if (apiKey) {
      return "Basic " + Base64.getEncoder().encodeToString(("qbmc:" + secret).getBytes(StandardCharsets.UTF_8));
    }
    return "Bearer " + secret;
  }

  @Override
  public String toString() {
    return "MailchimpCredentials{" + (apiKey ? "apiKey" : "oauthToken") + "=****, dataCenter=" + dataCenter + "}";
  }
}
