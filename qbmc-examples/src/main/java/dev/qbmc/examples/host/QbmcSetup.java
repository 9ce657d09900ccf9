package dev.qbmc.examples.host;

import dev.qbmc.core.MailchimpConnector;
import dev.qbmc.core.Qbmc;
import dev.qbmc.core.QuickBooksConnector;
import dev.qbmc.mailchimp.MailchimpOAuth;
import dev.qbmc.quickbooks.oauth.IntuitOAuth;
import java.net.URI;
import java.util.Objects;

/**
 * How a host builds its {@link Qbmc}: the Intuit OAuth app, the settings of the QuickBooks and
 * Mailchimp clients qbmc builds (their hosts), and (added by the caller) the stores, the OAuth
 * state key and the webhook verifier token. The README's embedding
 * quickstart is copied from this class and the other host examples.
 */
public final class QbmcSetup {
  private QbmcSetup() {}

  /**
   * The host's Intuit OAuth 2.0 app.
   *
   * @param endpoints where the token and revocation endpoints are
   * @param clientId the app's client id
   * @param clientSecret the app's client secret
   * @param redirectUri the redirect URI registered for the app
   * @return the OAuth client
   */
  public static IntuitOAuth intuitOAuth(ApiEndpoints endpoints, String clientId, String clientSecret, URI redirectUri) {
    Objects.requireNonNull(endpoints, "endpoints");
    // quickstart:start intuit
    IntuitOAuth intuit = IntuitOAuth.builder()
        .clientId(clientId)
        .clientSecret(clientSecret)
        .redirectUri(redirectUri) // e.g. https://app.example.com/oauth/quickbooks/callback
        .tokenEndpoint(endpoints.intuitTokens())
        .revocationEndpoint(endpoints.intuitRevocation())
        .build();
    // quickstart:end
    return intuit;
  }

  /**
   * A builder with both connectors set; add the stores (and keys) and build.
   *
   * @param endpoints the API hosts
   * @param intuit the Intuit OAuth app
   * @param mailchimpOAuth the Mailchimp OAuth app, or null when accounts connect with API keys
   * @return the builder
   */
  public static Qbmc.Builder builder(ApiEndpoints endpoints, IntuitOAuth intuit, MailchimpOAuth mailchimpOAuth) {
    Objects.requireNonNull(endpoints, "endpoints");
    Objects.requireNonNull(intuit, "intuit");
    // quickstart:start connectors
    QuickBooksConnector quickBooks = QuickBooksConnector.of(intuit, client ->
        client.baseUri(endpoints.quickBooksApi())); // leave out for Intuit's production API
    MailchimpConnector mailchimp = MailchimpConnector.of(client ->
        endpoints.mailchimpApi().ifPresent(client::baseUri), mailchimpOAuth); // default: each account's data centre
    Qbmc.Builder qbmc = Qbmc.builder().quickBooks(quickBooks).mailchimp(mailchimp);
    // quickstart:end
    return qbmc;
  }
}
