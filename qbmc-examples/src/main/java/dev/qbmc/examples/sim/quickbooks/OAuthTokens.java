package dev.qbmc.examples.sim.quickbooks;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Authorization codes, access tokens and rotating refresh tokens of one simulated Intuit app. */
final class OAuthTokens {

  static final long ACCESS_TOKEN_SECONDS = 3600;
  static final long REFRESH_TOKEN_SECONDS = 8_726_400;

  private record Access(String realm, Instant expiresAt, String grant) {
  }

  private record Refresh(String realm, String grant, Instant expiresAt, Instant rotatedAt) {
  }

  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Duration rotationGrace;
  private final Map<String, String> codes = new ConcurrentHashMap<>();
  private final Map<String, Access> access = new ConcurrentHashMap<>();
  private final Map<String, Refresh> refresh = new ConcurrentHashMap<>();

  OAuthTokens(Clock clock, Duration rotationGrace) {
    this.clock = clock;
    this.rotationGrace = rotationGrace;
  }

  String mintCode(String realm) {
    String code = "AB" + token(24);
    codes.put(code, realm);
    return code;
  }

  synchronized TokenPair mint(String realm) {
    return issue(realm, "g" + token(8));
  }

  /** Exchanges a single-use code; empty when unknown or already used. */
  synchronized Optional<TokenPair> exchangeCode(String code) {
    String realm = code == null ? null : codes.remove(code);
    return realm == null ? Optional.empty() : Optional.of(issue(realm, "g" + token(8)));
  }

  /** Rotates a refresh token; empty (invalid_grant) when unknown, expired, or rotated past the grace. */
  synchronized Optional<TokenPair> refresh(String token) {
    Refresh r = token == null ? null : refresh.get(token);
    Instant now = clock.instant();
    if (r == null || !now.isBefore(r.expiresAt())) {
      return Optional.empty();
    }
    if (r.rotatedAt() != null && !now.isBefore(r.rotatedAt().plus(rotationGrace))) {
      refresh.remove(token);
      return Optional.empty();
    }
    if (r.rotatedAt() == null) {
      refresh.put(token, new Refresh(r.realm(), r.grant(), r.expiresAt(), now));
    }
    if (rotationGrace.isZero()) {
      refresh.remove(token);
    }
    return Optional.of(issue(r.realm(), r.grant()));
  }

  /** Revokes the grant a token (access or refresh) belongs to. */
  synchronized boolean revoke(String token) {
    String grant = null;
    if (refresh.containsKey(token)) {
      grant = refresh.get(token).grant();
    } else if (access.containsKey(token)) {
      grant = access.get(token).grant();
    }
    if (grant == null) {
      return false;
    }
    String g = grant;
    refresh.values().removeIf(r -> r.grant().equals(g));
    access.values().removeIf(a -> a.grant().equals(g));
    return true;
  }

  /** The realm a valid access token is for, empty when unknown or expired. */
  Optional<String> realmOf(String accessToken) {
    Access a = accessToken == null ? null : access.get(accessToken);
    if (a == null || !clock.instant().isBefore(a.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(a.realm());
  }

  void expireAccessTokens() {
    Instant past = clock.instant().minusSeconds(1);
    access.replaceAll((k, a) -> new Access(a.realm(), past, a.grant()));
  }

  void revokeAll() {
    access.clear();
    refresh.clear();
    codes.clear();
  }

  private TokenPair issue(String realm, String grant) {
    Instant now = clock.instant();
    String at = "eyJ" + token(48);
    String rt = "RT1-" + token(32);
    access.put(at, new Access(realm, now.plusSeconds(ACCESS_TOKEN_SECONDS), grant));
    refresh.put(rt, new Refresh(realm, grant, now.plusSeconds(REFRESH_TOKEN_SECONDS), null));
    return new TokenPair(at, rt);
  }

  private String token(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
