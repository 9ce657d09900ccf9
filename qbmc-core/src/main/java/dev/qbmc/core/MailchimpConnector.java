package dev.qbmc.core;

import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.mailchimp.MailchimpCredentials;
import dev.qbmc.mailchimp.MailchimpOAuth;
import dev.qbmc.mailchimp.MailchimpRequestListener;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * How qbmc reaches Mailchimp for a connection: how to build a {@link MailchimpClient} from the
 * credentials kept in the {@link dev.qbmc.core.spi.TokenStore} and, when the host uses Mailchimp
 * OAuth, the host's OAuth app. Clients of one Mailchimp account should share one {@link
 * dev.qbmc.mailchimp.ConnectionLimiter} so that together they stay within 10 connections.
 */
public interface MailchimpConnector {

  /**
   * Builds a client for the given credentials. The client must use {@code listener} (chain your own
   * after it if you have one).
   *
   * @param credentials an API key or an OAuth token with its data centre
   * @param listener counts the client's API calls for the sync report
   * @return the client
   */
  MailchimpClient client(MailchimpCredentials credentials, MailchimpRequestListener listener);

  /**
   * The host's Mailchimp OAuth app, when it uses OAuth rather than API keys.
   *
   * @return the OAuth app, or empty
   */
  Optional<MailchimpOAuth> oauth();

  /**
   * A connector for API keys or tokens obtained elsewhere (no OAuth app).
   *
   * @param clients builds a client from credentials, for example {@code
   *     (creds, listener) -> MailchimpClient.builder().credentials(creds)
   *     .requestListener(listener).build()}
   * @return the connector
   */
  static MailchimpConnector of(BiFunction<MailchimpCredentials, MailchimpRequestListener, MailchimpClient> clients) {
    return of(clients, null);
  }

  /**
   * A connector with an OAuth app.
   *
   * @param clients builds a client from credentials
   * @param oauth the OAuth app, or null
   * @return the connector
   */
  static MailchimpConnector of(
      BiFunction<MailchimpCredentials, MailchimpRequestListener, MailchimpClient> clients, MailchimpOAuth oauth) {
    Objects.requireNonNull(clients, "clients");
    return new MailchimpConnector() {
      @Override
      public MailchimpClient client(MailchimpCredentials credentials, MailchimpRequestListener listener) {
        return Objects.requireNonNull(
            clients.apply(credentials, listener), "client factory returned null");
      }

      @Override
      public Optional<MailchimpOAuth> oauth() {
        return Optional.ofNullable(oauth);
      }

      @Override
      public String toString() {
        return "MailchimpConnector[oauth=" + (oauth != null) + "]";
      }
    };
  }
}
