package dev.qbmc.core.internal.service;

import dev.qbmc.mailchimp.ConnectionLimiter;
import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.quickbooks.QuickBooksClient;
import dev.qbmc.quickbooks.RealmLimiter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every client of one {@code Qbmc} shares, so that a sync costs no thread and no limit of its
 * own: one {@link HttpClient} (its selector thread and connection pool), one {@link RealmLimiter}
 * per QBO realm (Intuit's limits hold per realm, whichever sync or connect calls) and one {@link
 * ConnectionLimiter} per Mailchimp credential (10 connections per account). The maps hold one small
 * object per realm and per credential this instance served, bounded by the connections in the
 * store.
 */
public final class SharedClients {
  private final HttpClient http;
  private final Map<String, RealmLimiter> realms = new ConcurrentHashMap<>();
  private final Map<String, ConnectionLimiter> accounts = new ConcurrentHashMap<>();

  /**
   * Shares the host's HTTP client.
   *
   * @param http the HTTP client every QBO and Mailchimp client of the instance uses
   */
  public SharedClients(HttpClient http) {
    this.http = http;
  }

  /**
   * An HTTP client as both clients build their own: a 10 s connect timeout, no redirects.
   *
   * @return the client
   */
  public static HttpClient defaultHttpClient() {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** A QBO client builder on the shared HTTP client and the realm's limiter. */
  QuickBooksClient.Builder quickBooks(String realmId) {
    return QuickBooksClient.builder()
        .httpClient(http)
        .realmLimiter(realmLimiter(realmId))
        .realmId(realmId);
  }

  /** The realm's limiter, shared by every client of the realm this instance builds. */
  RealmLimiter realmLimiter(String realmId) {
    return realms.computeIfAbsent(realmId, r -> RealmLimiter.intuitDefaults());
  }

  /** A Mailchimp client builder on the shared HTTP client and the credential's connection limiter. */
  MailchimpClient.Builder mailchimp(String credential) {
    return MailchimpClient.builder()
        .httpClient(http)
        .connectionLimiter(accounts.computeIfAbsent(fingerprint(credential), k -> ConnectionLimiter.mailchimpDefault()));
  }

  /** The map key of a credential: its SHA-256, so that no secret is kept as a key. */
  private static String fingerprint(String credential) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(credential.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  @Override
  public String toString() {
    return "SharedClients[realms=" + realms.size() + ", accounts=" + accounts.size() + "]";
  }
}
