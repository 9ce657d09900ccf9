package dev.qbmc.core.internal.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.qbmc.core.Sleeper;
import dev.qbmc.core.model.Provider;
import dev.qbmc.core.spi.StoredTokens;
import dev.qbmc.core.spi.TokenStore;
import dev.qbmc.core.spi.VersionedTokens;
import dev.qbmc.core.store.InMemoryTokenStore;
import dev.qbmc.quickbooks.oauth.IntuitOAuth;
import dev.qbmc.quickbooks.oauth.ReauthorizationRequiredException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoredQuickBooksTokensTest {
  private static final String CONNECTION = "c1";
  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
  private static final String TOKEN_RESPONSE =
      "{\"token_type\":\"bearer\",\"expires_in\":3600,\"refresh_token\":\"refresh-2\","
          + "\"x_refresh_token_expires_in\":8726400,\"access_token\":\"access-2\"}";

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private WireMockServer intuit;
  private IntuitOAuth oauth;

  @BeforeEach
  void start() {
    intuit = new WireMockServer(wireMockConfig().dynamicPort());
    intuit.start();
    oauth = IntuitOAuth.builder()
        .clientId("client")
        .clientSecret("secret")
        .redirectUri(URI.create("https://host.example/callback"))
        .tokenEndpoint(URI.create(intuit.baseUrl() + "/token"))
        .revocationEndpoint(URI.create(intuit.baseUrl() + "/revoke"))
        .clock(clock)
        .build();
  }

  @AfterEach
  void stop() {
    intuit.stop();
  }

  private static StoredTokens tokens(String access, String refresh, Instant expires) {
    return StoredTokens.builder().accessToken(access).refreshToken(refresh).accessTokenExpiresAt(expires).build();
  }

  @Test
  void aValidToken_isReturnedWithoutRefreshing() {
    TokenStore store = new InMemoryTokenStore();
    store.compareAndSet(CONNECTION, Provider.QUICKBOOKS, 0, tokens("access-1", "refresh-1", NOW.plusSeconds(3000)));

    assertThat(provider(store, () -> {}).accessToken()).isEqualTo("access-1");
    intuit.verify(0, postRequestedFor(urlEqualTo("/token")));
  }

  @Test
  void concurrentCallers_withATokenAboutToExpire_causeOneRefresh_andAllGetTheNewToken() throws Exception {
    intuit.stubFor(post("/token").willReturn(aResponse().withFixedDelay(200)
        .withHeader("Content-Type", "application/json").withBody(TOKEN_RESPONSE)));
    TokenStore store = new InMemoryTokenStore();
    store.compareAndSet(CONNECTION, Provider.QUICKBOOKS, 0, tokens("access-1", "refresh-1", NOW.plusSeconds(60)));
    ReentrantLock shared = new ReentrantLock();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      StoredQuickBooksTokens provider = new StoredQuickBooksTokens(CONNECTION, store, oauth, clock, d -> { }, shared, () -> {});
      Callable<String> call = () -> {
        start.await();
        return provider.accessToken();
      };
      results.add(threads.submit(call));
    }
    start.countDown();
    for (Future<String> result : results) {
      assertThat(result.get()).isEqualTo("access-2");
    }
    threads.shutdown();
    intuit.verify(1, postRequestedFor(urlEqualTo("/token")));
    StoredTokens stored = store.load(CONNECTION, Provider.QUICKBOOKS).orElseThrow().tokens();
    assertThat(stored.refreshToken()).contains("refresh-2");
    assertThat(stored.accessTokenExpiresAt()).contains(NOW.plusSeconds(3600));
  }

  @Test
  void aRefreshThatLosesTheRaceToAnotherProcess_adoptsTheWinnersTokens_andNeverOverwritesThem() {
    intuit.stubFor(post("/token").willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(TOKEN_RESPONSE)));
    InMemoryTokenStore real = new InMemoryTokenStore();
    real.compareAndSet(CONNECTION, Provider.QUICKBOOKS, 0, tokens("access-1", "refresh-1", NOW.minusSeconds(1)));
    AtomicInteger writes = new AtomicInteger();
    TokenStore racing = new TokenStore() {
      @Override
      public Optional<VersionedTokens> load(String connectionId, Provider provider) {
        return real.load(connectionId, provider);
      }

      @Override
      public boolean compareAndSet(String connectionId, Provider provider, long expected, StoredTokens tokens) {
        if (writes.getAndIncrement() == 0) {
          real.compareAndSet(connectionId, provider, expected, tokens("access-other", "refresh-other", NOW.plusSeconds(3600)));
        }
        return real.compareAndSet(connectionId, provider, expected, tokens);
      }

      @Override
      public void delete(String connectionId, Provider provider) {
        real.delete(connectionId, provider);
      }

      @Override
      public void deleteAll(String connectionId) {
        real.deleteAll(connectionId);
      }
    };

    assertThat(provider(racing, () -> {}).accessToken()).isEqualTo("access-other");
    assertThat(real.load(CONNECTION, Provider.QUICKBOOKS).orElseThrow().tokens().refreshToken()).contains("refresh-other");
  }

  @Test
  void invalidGrant_reportsReauthorization_afterABoundedWaitForAnotherProcess_andIsNotRetried() {
    intuit.stubFor(post("/token").willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error_description\":\"Token invalid\",\"error\":\"invalid_grant\"}")));
    TokenStore store = new InMemoryTokenStore();
    store.compareAndSet(CONNECTION, Provider.QUICKBOOKS, 0, tokens("access-1", "refresh-1", NOW.minusSeconds(1)));
    AtomicInteger reauthorizations = new AtomicInteger();
    List<Duration> waited = new ArrayList<>();
    StoredQuickBooksTokens provider = new StoredQuickBooksTokens(
        CONNECTION, store, oauth, clock, waited::add, new ReentrantLock(), reauthorizations::incrementAndGet);

    assertThatThrownBy(provider::accessToken)
        .isInstanceOf(ReauthorizationRequiredException.class)
        .hasMessageNotContaining("refresh-1");
    assertThat(reauthorizations).hasValue(1);
    assertThat(waited.stream().reduce(Duration.ZERO, Duration::plus))
        .isEqualTo(StoredQuickBooksTokens.ROTATION_WAIT);
    intuit.verify(1, postRequestedFor(urlEqualTo("/token")));
  }

  @Test
  void invalidGrant_whileAnotherProcessIsStoringTheRotatedTokens_adoptsThem_insteadOfAskingForReauthorization() {
    // Another node refreshed with refresh-1 a moment ago (so Intuit answers invalid_grant) and has not
    // stored the rotated tokens yet; it does while this one waits.
    intuit.stubFor(post("/token").willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error_description\":\"Token invalid\",\"error\":\"invalid_grant\"}")));
    TokenStore store = new InMemoryTokenStore();
    store.compareAndSet(CONNECTION, Provider.QUICKBOOKS, 0, tokens("access-1", "refresh-1", NOW.minusSeconds(1)));
    List<Duration> waits = new ArrayList<>();
    Sleeper otherNodeStoresWhileWeWait = duration -> {
      waits.add(duration);
      if (waits.size() == 2) {
        store.compareAndSet(CONNECTION, Provider.QUICKBOOKS, 1, tokens("access-other", "refresh-other", NOW.plusSeconds(3600)));
      }
    };
    AtomicInteger reauthorizations = new AtomicInteger();
    StoredQuickBooksTokens provider = new StoredQuickBooksTokens(
        CONNECTION, store, oauth, clock, otherNodeStoresWhileWeWait, new ReentrantLock(), reauthorizations::incrementAndGet);

    assertThat(provider.accessToken()).isEqualTo("access-other");
    assertThat(reauthorizations).hasValue(0);
    assertThat(waits).hasSize(2);
    intuit.verify(1, postRequestedFor(urlEqualTo("/token")));
    assertThat(store.load(CONNECTION, Provider.QUICKBOOKS).orElseThrow().tokens().refreshToken()).contains("refresh-other");
  }

  @Test
  void aRejectedToken_isRefreshedOnce_evenWhenItLooksValid() {
    intuit.stubFor(post("/token").willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(TOKEN_RESPONSE)));
    TokenStore store = new InMemoryTokenStore();
    store.compareAndSet(CONNECTION, Provider.QUICKBOOKS, 0, tokens("access-1", "refresh-1", NOW.plus(Duration.ofMinutes(50))));
    StoredQuickBooksTokens provider = provider(store, () -> {});

    provider.tokenRejected("access-1");
    provider.tokenRejected("access-1");

    assertThat(provider.accessToken()).isEqualTo("access-2");
    intuit.verify(1, postRequestedFor(urlEqualTo("/token")));
    assertThat(provider.toString()).doesNotContain("access").doesNotContain("refresh");
  }

  private StoredQuickBooksTokens provider(TokenStore store, Runnable onReauthorization) {
    return new StoredQuickBooksTokens(CONNECTION, store, oauth, clock, d -> { }, new ReentrantLock(), onReauthorization);
  }
}
