package dev.qbmc.core.internal.service;

import dev.qbmc.core.MissingCredentialsException;
import dev.qbmc.core.model.Provider;
import dev.qbmc.core.spi.StoredTokens;
import dev.qbmc.core.spi.TokenStore;
import dev.qbmc.core.spi.VersionedTokens;
import dev.qbmc.quickbooks.AccessTokenProvider;
import dev.qbmc.quickbooks.oauth.IntuitOAuth;
import dev.qbmc.quickbooks.oauth.IntuitTokens;
import dev.qbmc.quickbooks.oauth.ReauthorizationRequiredException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.Lock;

/**
 * The QBO access tokens of one connection, read from the {@link TokenStore} and refreshed ahead of
 * expiry. Refreshes are serialised per connection by a lock shared by every provider of that
 * connection in this process; across processes the store's compare-and-set decides: a refresh that
 * loses the race adopts the tokens that won, so the newest refresh token is never overwritten.
 */
final class StoredQuickBooksTokens implements AccessTokenProvider {
  /** Refresh this long before the access token expires, so that no request carries a dying token. */
  static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);

  private final String connectionId;
  private final TokenStore store;
  private final IntuitOAuth oauth;
  private final Clock clock;
  private final Lock refreshLock;
  private final Runnable onReauthorizationRequired;

  StoredQuickBooksTokens(
      String connectionId,
      TokenStore store,
      IntuitOAuth oauth,
      Clock clock,
      Lock refreshLock,
      Runnable onReauthorizationRequired) {
    this.connectionId = connectionId;
    this.store = store;
    this.oauth = oauth;
    this.clock = clock;
    this.refreshLock = refreshLock;
    this.onReauthorizationRequired = onReauthorizationRequired;
  }

  @Override
  public String accessToken() {
    VersionedTokens current = load();
    if (!expiresSoon(current.tokens())) {
      return current.tokens().accessToken();
    }
    return refreshPast(current.tokens().accessToken());
  }

  @Override
  public void tokenRejected(String rejectedToken) {
    refreshPast(rejectedToken);
  }

  /** Refreshes unless another thread or process already replaced {@code staleToken}. */
  private String refreshPast(String staleToken) {
    refreshLock.lock();
    try {
      VersionedTokens latest = load();
      if (!latest.tokens().accessToken().equals(staleToken) && !expiresSoon(latest.tokens())) {
        return latest.tokens().accessToken();
      }
      String refreshToken =
          latest
              .tokens()
              .refreshToken()
              .orElseThrow(() -> new MissingCredentialsException(connectionId, Provider.QUICKBOOKS));
      IntuitTokens fresh;
      try {
        fresh = oauth.refresh(refreshToken);
      } catch (ReauthorizationRequiredException e) {
        VersionedTokens again = load();
        if (again.version() != latest.version()) {
          return again.tokens().accessToken();
        }
        onReauthorizationRequired.run();
        throw e;
      }
      StoredTokens next =
          StoredTokens.builder()
              .from(latest.tokens())
              .accessToken(fresh.accessToken())
              .refreshToken(fresh.refreshToken())
              .accessTokenExpiresAt(fresh.accessTokenExpiresAt())
              .refreshTokenExpiresAt(fresh.refreshTokenExpiresAt())
              .build();
      if (store.compareAndSet(connectionId, Provider.QUICKBOOKS, latest.version(), next)) {
        return next.accessToken();
      }
      return load().tokens().accessToken();
    } finally {
      refreshLock.unlock();
    }
  }

  private boolean expiresSoon(StoredTokens tokens) {
    Instant now = clock.instant();
    return tokens.accessTokenExpiresAt().map(at -> !now.plus(REFRESH_AHEAD).isBefore(at)).orElse(false);
  }

  private VersionedTokens load() {
    return store
        .load(connectionId, Provider.QUICKBOOKS)
        .orElseThrow(() -> new MissingCredentialsException(connectionId, Provider.QUICKBOOKS));
  }

  @Override
  public String toString() {
    return "StoredQuickBooksTokens[" + connectionId + "]";
  }
}
