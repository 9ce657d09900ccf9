package dev.qbmc.examples.cli;

import dev.qbmc.core.MailchimpConnector;
import dev.qbmc.core.Qbmc;
import dev.qbmc.core.QuickBooksConnector;
import dev.qbmc.core.SyncListener;
import dev.qbmc.core.spi.SyncStateStore;
import dev.qbmc.core.spi.TokenStore;
import dev.qbmc.mailchimp.MailchimpSleeper;
import dev.qbmc.quickbooks.oauth.IntuitOAuth;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds a {@link Qbmc} from the CLI configuration: the Intuit OAuth app from the client id and
 * secret, QuickBooks and Mailchimp clients pointed at the configured base URLs (real APIs or the
 * loopback simulators), and the given stores; qbmc shares one HTTP client and the limiters.
 */
public final class QbmcFactory {
  /**
   * The redirect URI given to the Intuit OAuth client. The CLI never runs the authorization-code
   * flow (it starts from a refresh token), so Intuit never calls it; refresh and revoke ignore it.
   */
  static final URI UNUSED_REDIRECT = URI.create("http://localhost/qbmc-cli/oauth-not-used");

  private static final String REVOKE_PATH = "/v2/oauth2/tokens/revoke";

  private QbmcFactory() {}

  /**
   * Checks the settings {@link #create} needs, so that a command can report a missing one before
   * it opens the store.
   *
   * @param config the configuration
   * @throws ConfigException when {@code QBMC_QBO_CLIENT_ID} or {@code QBMC_QBO_CLIENT_SECRET} is
   *     not set
   */
  public static void checkSettings(CliConfig config) {
    config.requireClientId();
    config.requireClientSecret();
  }

  /**
   * Builds the instance; close it when done.
   *
   * @param config the configuration; {@code QBMC_QBO_CLIENT_ID} and {@code QBMC_QBO_CLIENT_SECRET}
   *     are required
   * @param tokens the token store
   * @param state the state store
   * @param listener receives progress and reports
   * @return the instance
   * @throws ConfigException when a required setting is missing
   */
  public static Qbmc create(CliConfig config, TokenStore tokens, SyncStateStore state, SyncListener listener) {
    return create(config, tokens, state, listener, MailchimpSleeper.system());
  }

  /**
   * Builds the instance with the sleeper the Mailchimp clients wait with (between {@code /batches}
   * polls, before retries); tests that run the CLI in-process pass one that does not wait.
   *
   * @param config the configuration; {@code QBMC_QBO_CLIENT_ID} and {@code QBMC_QBO_CLIENT_SECRET}
   *     are required
   * @param tokens the token store
   * @param state the state store
   * @param listener receives progress and reports
   * @param mailchimpSleeper how Mailchimp clients wait
   * @return the instance
   * @throws ConfigException when a required setting is missing
   */
  public static Qbmc create(
      CliConfig config, TokenStore tokens, SyncStateStore state, SyncListener listener, MailchimpSleeper mailchimpSleeper) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(mailchimpSleeper, "mailchimpSleeper");
    IntuitOAuth.Builder oauth =
        IntuitOAuth.builder()
            .clientId(config.requireClientId())
            .clientSecret(config.requireClientSecret())
            .redirectUri(UNUSED_REDIRECT);
    config.quickBooksTokenUrl().ifPresent(url -> {
      oauth.tokenEndpoint(url);
      revocationEndpointFor(url).ifPresent(oauth::revocationEndpoint);
    });
    Optional<URI> qboBase = config.quickBooksBaseUrl();
    QuickBooksConnector quickBooks = QuickBooksConnector.of(oauth.build(), client -> qboBase.ifPresent(client::baseUri));
    Optional<URI> mailchimpBase = config.mailchimpBaseUrl();
    MailchimpConnector mailchimp =
        MailchimpConnector.of(
            client -> {
              client.sleeper(mailchimpSleeper);
              mailchimpBase.ifPresent(client::baseUri);
            });
    return Qbmc.builder()
        .quickBooks(quickBooks)
        .mailchimp(mailchimp)
        .tokenStore(Objects.requireNonNull(tokens, "tokens"))
        .stateStore(Objects.requireNonNull(state, "state"))
        .listener(Objects.requireNonNull(listener, "listener"))
        .instanceName("qbmc-cli")
        .build();
  }

  /**
   * Intuit's revocation endpoint lives on another host than its token endpoint; a token endpoint
   * on any other host (a simulator, a proxy) is assumed to serve revocation on its own host.
   */
  static Optional<URI> revocationEndpointFor(URI tokenUrl) {
    if (tokenUrl.getHost().equalsIgnoreCase(IntuitOAuth.DEFAULT_TOKEN_ENDPOINT.getHost())) {
      return Optional.empty();
    }
    String port = tokenUrl.getPort() < 0 ? "" : ":" + tokenUrl.getPort();
    return Optional.of(URI.create(tokenUrl.getScheme() + "://" + tokenUrl.getHost() + port + REVOKE_PATH));
  }
}
