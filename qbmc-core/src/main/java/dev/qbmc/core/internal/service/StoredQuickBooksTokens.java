package dev.qbmc.core.internal.service;

import dev.qbmc.core.MissingCredentialsException;
import dev.qbmc.core.Sleeper;
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
import java.util.Optional;
import java.util.concurrent.locks.Lock;

/**
 * The QBO access tokens of one connection, read from the {@link TokenStore} and refreshed ahead of
 * expiry. Refreshes are serialised per connection by a lock shared by every provider of that
 * connection in this process; across processes the store's compare-and-set decides: a refresh that
 * loses the race adopts the tokens that won, so the newest refresh token is never overwritten, and
 * an {@code invalid_grant} first waits a little for tokens another process rotated but has not
 * stored yet before it asks for re-authorisation.
 */
final class StoredQuickBooksTokens implements AccessTokenProvider {
  /** Refresh this long before the access token expires, so that no request carries a dying token. */
  static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);
  /** How long an {@code invalid_grant} waits for another process to store the tokens it rotated. */
  static final Duration ROTATION_WAIT = Duration.ofMillis(3_100);

  private final String connectionId;
  private final TokenStore store;
  private final IntuitOAuth oauth;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Lock refreshLock;
  private final Runnable onReauthorizationRequired;

  StoredQuickBooksTokens(
      String connectionId,
      TokenStore store,
      IntuitOAuth oauth,
      Clock clock,
      Sleeper sleeper,
      Lock refreshLock,
      Runnable onReauthorizationRequired) {
    this.connectionId = connectionId;
    this.store = store;
    this.oauth = oauth;
    this.clock = clock;
    this.sleeper = sleeper;
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
        Optional<VersionedTokens> stored = storedByAnotherProcess(latest.version());
        if (stored.isPresent()) {
          return stored.get().tokens().accessToken();
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

  /**
   * After {@code invalid_grant}: another process (without this process's lock) may have refreshed
   * with the same refresh token a moment ago, and not stored the rotated tokens yet. Reloads, waiting
   * up to {@link #ROTATION_WAIT} in doubling steps, for tokens newer than {@code version}; empty when
   * none come, and the grant is then really gone.
   */
  private Optional<VersionedTokens> storedByAnotherProcess(long version) {
    Duration step = Duration.ofMillis(100);
    Duration waited = Duration.ZERO;
    while (true) {
      VersionedTokens again = load();
      if (again.version() != version) {
        return Optional.of(again);
      }
      if (waited.compareTo(ROTATION_WAIT) >= 0) {
        return Optional.empty();
      }
      Duration next = step.compareTo(ROTATION_WAIT.minus(waited)) < 0 ? step : ROTATION_WAIT.minus(waited);
      try {
        sleeper.sleep(next);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
      waited = waited.plus(next);
      step = step.multipliedBy(2);
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
