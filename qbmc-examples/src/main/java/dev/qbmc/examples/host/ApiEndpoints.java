package dev.qbmc.examples.host;

import dev.qbmc.examples.cli.Sandbox;
import dev.qbmc.quickbooks.QuickBooksEnvironment;
import dev.qbmc.quickbooks.oauth.IntuitOAuth;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the host examples send their API calls: Intuit's and Mailchimp's production hosts, or the
 * loopback simulators of a {@link Sandbox}.
 */
public final class ApiEndpoints {
  private final URI quickBooksApi;
  private final URI intuitTokens;
  private final URI intuitRevocation;
  private final URI mailchimpApi;

  private ApiEndpoints(URI quickBooksApi, URI intuitTokens, URI intuitRevocation, URI mailchimpApi) {
    this.quickBooksApi = quickBooksApi;
    this.intuitTokens = intuitTokens;
    this.intuitRevocation = intuitRevocation;
    this.mailchimpApi = mailchimpApi;
  }

  /**
   * Intuit's production hosts, and the Mailchimp data centre of each account's credentials.
   *
   * @return the endpoints
   */
  public static ApiEndpoints production() {
    return new ApiEndpoints(QuickBooksEnvironment.PRODUCTION.baseUri(), IntuitOAuth.DEFAULT_TOKEN_ENDPOINT,
        IntuitOAuth.DEFAULT_REVOCATION_ENDPOINT, null);
  }

  /**
   * The simulators of a running sandbox.
   *
   * @param sandbox the sandbox
   * @return the endpoints
   */
  public static ApiEndpoints of(Sandbox sandbox) {
    Objects.requireNonNull(sandbox, "sandbox");
    return new ApiEndpoints(URI.create(sandbox.quickBooks().baseUrl()), URI.create(sandbox.quickBooks().tokenUrl()),
        URI.create(sandbox.quickBooks().revokeUrl()), URI.create(sandbox.mailchimp().baseUrl()));
  }

  /**
   * Explicit hosts, for example the simulators of a sandbox running in another process.
   *
   * @param quickBooksApi the QuickBooks Online API host, without {@code /v3}
   * @param intuitTokens Intuit's OAuth 2.0 token endpoint
   * @param intuitRevocation Intuit's token revocation endpoint
   * @param mailchimpApi the Mailchimp API root including {@code /3.0}, or null for each account's
   *     data centre
   * @return the endpoints
   */
  public static ApiEndpoints of(URI quickBooksApi, URI intuitTokens, URI intuitRevocation, URI mailchimpApi) {
    return new ApiEndpoints(Objects.requireNonNull(quickBooksApi, "quickBooksApi"),
        Objects.requireNonNull(intuitTokens, "intuitTokens"), Objects.requireNonNull(intuitRevocation, "intuitRevocation"),
        mailchimpApi);
  }

  /**
   * The QuickBooks Online API host.
   *
   * @return the base URI, without {@code /v3}
   */
  public URI quickBooksApi() {
    return quickBooksApi;
  }

  /**
   * Intuit's OAuth 2.0 token endpoint.
   *
   * @return the endpoint
   */
  public URI intuitTokens() {
    return intuitTokens;
  }

  /**
   * Intuit's token revocation endpoint.
   *
   * @return the endpoint
   */
  public URI intuitRevocation() {
    return intuitRevocation;
  }

  /**
   * The Mailchimp API root, when it is not the data centre of the credentials.
   *
   * @return the root including {@code /3.0}, or empty
   */
  public Optional<URI> mailchimpApi() {
    return Optional.ofNullable(mailchimpApi);
  }

  @Override
  public String toString() {
    return "ApiEndpoints[quickBooks=" + quickBooksApi + ", mailchimp=" + (mailchimpApi == null ? "per account" : mailchimpApi) + "]";
  }
}
