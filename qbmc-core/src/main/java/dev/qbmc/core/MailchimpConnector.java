package dev.qbmc.core;

import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.mailchimp.MailchimpOAuth;
import java.util.Objects;
import java.util.Optional;

/**
 * How qbmc reaches Mailchimp: the host's settings for the clients qbmc builds from the credentials
 * kept in the {@link dev.qbmc.core.spi.TokenStore} (API keys, or OAuth tokens with their data
 * centre) and, when the host uses Mailchimp OAuth, the host's OAuth app.
 *
 * <p>qbmc prepares every client itself: the credentials, the {@code Qbmc}'s one shared {@link
 * java.net.http.HttpClient}, one {@link dev.qbmc.mailchimp.ConnectionLimiter} per credential
 * (Mailchimp allows 10 connections per account) and its API-call counter, added with {@link
 * MailchimpClient.Builder#addRequestListener}, so that a listener the host sets with {@link
 * MailchimpClient.Builder#requestListener} is heard as well and the sync report's call counts are
 * never lost.
 *
 * <pre>{@code
 * MailchimpConnector.apiKeys();                                   // each account's data centre
 * MailchimpConnector.of(client -> client.baseUri(simulator));     // a simulator
 * MailchimpConnector.of(client -> {}, mailchimpOAuth);            // accounts connect with OAuth
 * }</pre>
 */
public interface MailchimpConnector {

  /**
   * Builds a client from the builder qbmc prepared (see the type's description). Settings the host
   * applies last win, so the host may also replace the shared HTTP client or connection limiter.
   *
   * @param prepared the prepared builder
   * @return the client
   */
  MailchimpClient client(MailchimpClient.Builder prepared);

  /**
   * The host's Mailchimp OAuth app, when it uses OAuth rather than API keys.
   *
   * @return the OAuth app, or empty
   */
  Optional<MailchimpOAuth> oauth();

  /** The host's settings for the Mailchimp clients qbmc prepares. */
  @FunctionalInterface
  interface ClientSettings {
    /**
     * Applies the host's settings, for example {@code client.baseUri(uri)}.
     *
     * @param client the builder qbmc prepared
     */
    void configure(MailchimpClient.Builder client);
  }

  /**
   * A connector for API keys (or tokens obtained elsewhere) with the clients' defaults: each
   * account's data centre, no OAuth app.
   *
   * @return the connector
   */
  static MailchimpConnector apiKeys() {
    return of(client -> {}, null);
  }

  /**
   * A connector with the host's client settings and no OAuth app.
   *
   * @param settings applied to every builder qbmc prepares, for example {@code client ->
   *     client.baseUri(uri)}
   * @return the connector
   */
  static MailchimpConnector of(ClientSettings settings) {
    return of(settings, null);
  }

  /**
   * A connector with the host's client settings and an OAuth app.
   *
   * @param settings applied to every builder qbmc prepares
   * @param oauth the OAuth app, or null
   * @return the connector
   */
  static MailchimpConnector of(ClientSettings settings, MailchimpOAuth oauth) {
    Objects.requireNonNull(settings, "settings");
    return new MailchimpConnector() {
      @Override
      public MailchimpClient client(MailchimpClient.Builder prepared) {
        settings.configure(prepared);
        return prepared.build();
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
