package dev.qbmc.core;

import dev.qbmc.quickbooks.AccessTokenProvider;
import dev.qbmc.quickbooks.QuickBooksClient;
import dev.qbmc.quickbooks.QuickBooksRequestListener;
import dev.qbmc.quickbooks.oauth.IntuitOAuth;
import java.util.Objects;

/**
 * How qbmc reaches QuickBooks Online for a connection: the host's Intuit OAuth app (to exchange
 * codes, refresh and revoke tokens) and how to build a {@link QuickBooksClient} for a realm. qbmc
 * passes its own {@link AccessTokenProvider}, backed by the {@link dev.qbmc.core.spi.TokenStore},
 * which refreshes tokens ahead of expiry.
 */
public interface QuickBooksConnector {

  /**
   * The host's Intuit OAuth 2.0 app.
   *
   * @return the OAuth client
   */
  IntuitOAuth oauth();

  /**
   * Builds a client for one realm. Called once per sync run or connect; the returned client must use
   * {@code accessTokens} and {@code listener} (chain your own listener after it if you have one) and
   * may set environment, base URL, limits and so on.
   *
   * @param realmId the QBO company id
   * @param accessTokens the token provider to give the client
   * @param listener counts the client's API calls for the sync report
   * @return the client
   */
  QuickBooksClient client(String realmId, AccessTokenProvider accessTokens, QuickBooksRequestListener listener);

  /** Builds a {@link QuickBooksClient} for a realm; see {@link QuickBooksConnector#client}. */
  @FunctionalInterface
  interface ClientFactory {
    /**
     * Builds the client.
     *
     * @param realmId the QBO company id
     * @param accessTokens the token provider to give the client
     * @param listener the request listener to give the client
     * @return the client
     */
    QuickBooksClient create(String realmId, AccessTokenProvider accessTokens, QuickBooksRequestListener listener);
  }

  /**
   * A connector from an OAuth app and a client factory, for example {@code
   * QuickBooksConnector.of(oauth, (realm, tokens, listener) -> QuickBooksClient.builder()
   * .environment(QuickBooksEnvironment.SANDBOX).realmId(realm).accessTokenProvider(tokens)
   * .requestListener(listener).build())}.
   *
   * @param oauth the OAuth app
   * @param clients builds a client from a realm id, a token provider and a listener
   * @return the connector
   */
  static QuickBooksConnector of(
      IntuitOAuth oauth, ClientFactory clients) {
    Objects.requireNonNull(oauth, "oauth");
    Objects.requireNonNull(clients, "clients");
    return new QuickBooksConnector() {
      @Override
      public IntuitOAuth oauth() {
        return oauth;
      }

      @Override
      public QuickBooksClient client(
          String realmId, AccessTokenProvider accessTokens, QuickBooksRequestListener listener) {
        return Objects.requireNonNull(
            clients.create(realmId, accessTokens, listener), "client factory returned null");
      }

      @Override
      public String toString() {
        return "QuickBooksConnector[" + oauth + "]";
      }
    };
  }
}
