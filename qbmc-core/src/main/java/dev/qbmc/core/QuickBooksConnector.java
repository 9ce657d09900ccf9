package dev.qbmc.core;

import dev.qbmc.quickbooks.QuickBooksClient;
import dev.qbmc.quickbooks.oauth.IntuitOAuth;
import java.util.Objects;

/**
 * How qbmc reaches QuickBooks Online: the host's Intuit OAuth app (to exchange codes, refresh and
 * revoke tokens) and the host's settings for the clients qbmc builds (host, timeouts, retry policy,
 * its own request listener).
 *
 * <p>qbmc prepares every client itself: the realm id, its own {@link
 * dev.qbmc.quickbooks.AccessTokenProvider} backed by the {@link dev.qbmc.core.spi.TokenStore}
 * (which refreshes tokens ahead of expiry and stores rotated ones), the {@code Qbmc}'s one shared
 * {@link java.net.http.HttpClient}, the realm's {@link dev.qbmc.quickbooks.RealmLimiter} (shared by
 * every sync of the realm) and its API-call counter, added with {@link
 * QuickBooksClient.Builder#addRequestListener}, so that a listener the host sets with {@link
 * QuickBooksClient.Builder#requestListener} is heard as well and the sync report's call counts are
 * never lost.
 *
 * <pre>{@code
 * QuickBooksConnector.of(intuit);                                               // production
 * QuickBooksConnector.of(intuit, client -> client.environment(QuickBooksEnvironment.SANDBOX));
 * QuickBooksConnector.of(intuit, client -> client.baseUri(simulator));          // a simulator
 * }</pre>
 */
public interface QuickBooksConnector {

  /**
   * The host's Intuit OAuth 2.0 app.
   *
   * @return the OAuth client
   */
  IntuitOAuth oauth();

  /**
   * Builds a client from the builder qbmc prepared (see the type's description); called once per
   * sync run, connect or credential check. Settings the host applies last win, so the host may also
   * replace the shared HTTP client or limiter (for tests, say).
   *
   * @param prepared the prepared builder
   * @return the client
   */
  QuickBooksClient client(QuickBooksClient.Builder prepared);

  /** The host's settings for the QuickBooks clients qbmc prepares. */
  @FunctionalInterface
  interface ClientSettings {
    /**
     * Applies the host's settings, for example {@code client.baseUri(uri)} or {@code
     * client.environment(QuickBooksEnvironment.SANDBOX)}.
     *
     * @param client the builder qbmc prepared
     */
    void configure(QuickBooksClient.Builder client);
  }

  /**
   * A connector for Intuit's production API with the clients' defaults.
   *
   * @param oauth the OAuth app
   * @return the connector
   */
  static QuickBooksConnector of(IntuitOAuth oauth) {
    return of(oauth, client -> {});
  }

  /**
   * A connector from an OAuth app and the host's client settings, for example {@code
   * QuickBooksConnector.of(oauth, client -> client.environment(QuickBooksEnvironment.SANDBOX))}.
   *
   * @param oauth the OAuth app
   * @param settings applied to every builder qbmc prepares, before it is built
   * @return the connector
   */
  static QuickBooksConnector of(IntuitOAuth oauth, ClientSettings settings) {
    Objects.requireNonNull(oauth, "oauth");
    Objects.requireNonNull(settings, "settings");
    return new QuickBooksConnector() {
      @Override
      public IntuitOAuth oauth() {
        return oauth;
      }

      @Override
      public QuickBooksClient client(QuickBooksClient.Builder prepared) {
        settings.configure(prepared);
        return prepared.build();
      }

      @Override
      public String toString() {
        return "QuickBooksConnector[" + oauth + "]";
      }
    };
  }
}
