package dev.qbmc.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qbmc.core.model.Provider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TokenStore}. Every implementation extends this class and provides {@link
 * #createStore()}; durable stores also override {@link #reopen(TokenStore)} so that every
 * durability assertion runs against a freshly opened store.
 */
public abstract class TokenStoreContractTest {

  /** Creates a version 1 QuickBooks-like token set. */
  protected static StoredTokens tokens(String access, String refresh) {
    return StoredTokens.builder()
        .accessToken(access)
        .refreshToken(refresh)
        .accessTokenExpiresAt(Instant.parse("2026-11-27T02:00:00Z"))
        .refreshTokenExpiresAt(Instant.parse("2027-03-07T01:00:00Z"))
        .realmId("9130355098765432")
        .build();
  }

  private TokenStore store;

  /**
   * Creates an empty store for one test.
   *
   * @return the store
   */
  protected abstract TokenStore createStore();

  /**
   * Closes the store and opens it again on the same data; in-memory stores return it as is.
   *
   * @param store the store
   * @return the reopened store
   */
  protected TokenStore reopen(TokenStore store) {
    return store;
  }

  /**
   * Releases the store after a test (close files); does nothing by default.
   *
   * @param store the store
   */
  protected void dispose(TokenStore store) {}

  @BeforeEach
  void setUpStore() {
    store = createStore();
  }

  @AfterEach
  void tearDownStore() {
    dispose(store);
  }

  @Test
  void load_whenNothingStored_isEmpty() {
    assertThat(store.load("c1", Provider.QUICKBOOKS)).isEmpty();
  }

  @Test
  void compareAndSet_withZeroWhenAbsent_storesVersionOne() {
    StoredTokens t = tokens("access-1", "refresh-1");
    assertThat(store.compareAndSet("c1", Provider.QUICKBOOKS, 0, t)).isTrue();
    store = reopen(store);
    VersionedTokens loaded = store.load("c1", Provider.QUICKBOOKS).orElseThrow();
    assertThat(loaded.version()).isEqualTo(1);
    assertThat(loaded.tokens()).isEqualTo(t);
  }

  @Test
  void compareAndSet_roundTripsEveryAttribute() {
    StoredTokens t =
        StoredTokens.builder()
            .accessToken("mc-oauth-token")
            .dataCenter("us6")
            .apiEndpoint("https://us6.api.mailchimp.com")
            .build();
    assertThat(store.compareAndSet("c1", Provider.MAILCHIMP, 0, t)).isTrue();
    store = reopen(store);
    StoredTokens loaded = store.load("c1", Provider.MAILCHIMP).orElseThrow().tokens();
    assertThat(loaded).isEqualTo(t);
    assertThat(loaded.refreshToken()).isEmpty();
    assertThat(loaded.dataCenter()).contains("us6");
  }

  @Test
  void compareAndSet_withCurrentVersion_replacesAndIncrements() {
    store.compareAndSet("c1", Provider.QUICKBOOKS, 0, tokens("a1", "r1"));
    assertThat(store.compareAndSet("c1", Provider.QUICKBOOKS, 1, tokens("a2", "r2"))).isTrue();
    store = reopen(store);
    VersionedTokens loaded = store.load("c1", Provider.QUICKBOOKS).orElseThrow();
    assertThat(loaded.version()).isEqualTo(2);
    assertThat(loaded.tokens().refreshToken()).contains("r2");
  }

  @Test
  void compareAndSet_withStaleVersion_losesAndKeepsTheNewerToken() {
    store.compareAndSet("c1", Provider.QUICKBOOKS, 0, tokens("a1", "r1"));
    store.compareAndSet("c1", Provider.QUICKBOOKS, 1, tokens("a2", "r2"));
    assertThat(store.compareAndSet("c1", Provider.QUICKBOOKS, 1, tokens("stale", "stale"))).isFalse();
    assertThat(store.compareAndSet("c1", Provider.QUICKBOOKS, 0, tokens("stale", "stale"))).isFalse();
    store = reopen(store);
    VersionedTokens loaded = store.load("c1", Provider.QUICKBOOKS).orElseThrow();
    assertThat(loaded.version()).isEqualTo(2);
    assertThat(loaded.tokens().accessToken()).isEqualTo("a2");
  }

  @Test
  void compareAndSet_withFutureVersion_isRefused() {
    assertThat(store.compareAndSet("c1", Provider.QUICKBOOKS, 5, tokens("a", "r"))).isFalse();
    assertThat(store.load("c1", Provider.QUICKBOOKS)).isEmpty();
  }

  @Test
  void compareAndSet_withNegativeVersion_throws() {
    assertThatThrownBy(() -> store.compareAndSet("c1", Provider.QUICKBOOKS, -1, tokens("a", "r")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void compareAndSet_withNullArguments_throwsWithMessage() {
    assertThatThrownBy(() -> store.compareAndSet(null, Provider.QUICKBOOKS, 0, tokens("a", "r")))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("connectionId");
    assertThatThrownBy(() -> store.compareAndSet("c1", Provider.QUICKBOOKS, 0, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("newTokens");
    assertThatThrownBy(() -> store.load(" ", Provider.QUICKBOOKS))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void providersAndConnections_areIndependent() {
    store.compareAndSet("c1", Provider.QUICKBOOKS, 0, tokens("qbo-c1", "r"));
    store.compareAndSet("c1", Provider.MAILCHIMP, 0, StoredTokens.builder().accessToken("mc-c1").build());
    store.compareAndSet("c2", Provider.QUICKBOOKS, 0, tokens("qbo-c2", "r"));
    store = reopen(store);
    assertThat(store.load("c1", Provider.QUICKBOOKS).orElseThrow().tokens().accessToken()).isEqualTo("qbo-c1");
    assertThat(store.load("c1", Provider.MAILCHIMP).orElseThrow().tokens().accessToken()).isEqualTo("mc-c1");
    assertThat(store.load("c2", Provider.QUICKBOOKS).orElseThrow().tokens().accessToken()).isEqualTo("qbo-c2");
    assertThat(store.load("c2", Provider.MAILCHIMP)).isEmpty();
  }

  @Test
  void delete_removesOneProvider_deleteAllRemovesBoth() {
    store.compareAndSet("c1", Provider.QUICKBOOKS, 0, tokens("a", "r"));
    store.compareAndSet("c1", Provider.MAILCHIMP, 0, StoredTokens.builder().accessToken("mc").build());
    store.delete("c1", Provider.QUICKBOOKS);
    store = reopen(store);
    assertThat(store.load("c1", Provider.QUICKBOOKS)).isEmpty();
    assertThat(store.load("c1", Provider.MAILCHIMP)).isPresent();
    store.deleteAll("c1");
    store = reopen(store);
    assertThat(store.load("c1", Provider.MAILCHIMP)).isEmpty();
    store.delete("c1", Provider.MAILCHIMP);
    store.deleteAll("unknown");
  }

  @Test
  void delete_thenRecreate_staleWriterFromBeforeTheDeleteStillLoses() {
    store.compareAndSet("c1", Provider.QUICKBOOKS, 0, tokens("a1", "r1"));
    long staleVersion = store.load("c1", Provider.QUICKBOOKS).orElseThrow().version();
    store.delete("c1", Provider.QUICKBOOKS);
    assertThat(store.compareAndSet("c1", Provider.QUICKBOOKS, 0, tokens("new", "new"))).isTrue();
    store = reopen(store);
    assertThat(store.compareAndSet("c1", Provider.QUICKBOOKS, staleVersion, tokens("stale", "stale")))
        .isFalse();
    assertThat(store.load("c1", Provider.QUICKBOOKS).orElseThrow().tokens().accessToken()).isEqualTo("new");
  }

  @Test
  void compareAndSet_twoThreadsRacingOnOneVersion_exactlyOneWins() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 50; round++) {
        String connectionId = "race-" + round;
        store.compareAndSet(connectionId, Provider.QUICKBOOKS, 0, tokens("a0", "r0"));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int worker = 0; worker < 2; worker++) {
          String refresh = "r-worker-" + worker;
          results.add(
              pool.submit(
                  () -> {
                    go.await();
                    return store.compareAndSet(connectionId, Provider.QUICKBOOKS, 1, tokens("a", refresh));
                  }));
        }
        go.countDown();
        int wins = 0;
        for (Future<Boolean> f : results) {
          wins += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(wins).as("winners in round %d", round).isEqualTo(1);
        VersionedTokens stored = store.load(connectionId, Provider.QUICKBOOKS).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void compareAndSet_manyThreadsRetryingLoadThenSet_loseNoUpdate() throws Exception {
    int threads = 4;
    int updatesPerThread = 25;
    store.compareAndSet("c1", Provider.QUICKBOOKS, 0, tokens("a", "r"));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < updatesPerThread; i++) {
                    while (true) {
                      VersionedTokens current = store.load("c1", Provider.QUICKBOOKS).orElseThrow();
                      if (store.compareAndSet("c1", Provider.QUICKBOOKS, current.version(), tokens("a", "r"))) {
                        break;
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    store = reopen(store);
    Optional<VersionedTokens> last = store.load("c1", Provider.QUICKBOOKS);
    assertThat(last.orElseThrow().version()).isEqualTo(1 + threads * updatesPerThread);
  }
}
