package dev.qbmc.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.model.ContactLimitPolicy;
import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.model.SyncOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SyncStateStore}. Every implementation extends this class and provides
 * {@link #createStore()}; durable stores also override {@link #reopen(SyncStateStore)} so that
 * durability assertions run against a freshly opened store.
 */
public abstract class SyncStateStoreContractTest {

  /** A fixed instant tests start from; stores never read a clock. */
  protected static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");

  private SyncStateStore store;

  /**
   * Creates an empty store for one test.
   *
   * @return the store
   */
  protected abstract SyncStateStore createStore();

  /**
   * Closes the store and opens it again on the same data; in-memory stores return it as is.
   *
   * @param store the store
   * @return the reopened store
   */
  protected SyncStateStore reopen(SyncStateStore store) {
    return store;
  }

  /**
   * Releases the store after a test (close files); does nothing by default.
   *
   * @param store the store
   */
  protected void dispose(SyncStateStore store) {}

  @BeforeEach
  void setUpStore() {
    store = createStore();
  }

  @AfterEach
  void tearDownStore() {
    dispose(store);
  }

  /** A valid connection for tests. */
  protected static Connection connection(String id, String realmId) {
    return Connection.builder()
        .connectionId(id)
        .realmId(realmId)
        .audienceId("list-" + id)
        .storeId("qbo-" + realmId)
        .marketingStatus(MarketingStatus.UNSUBSCRIBED)
        .homeCurrency("USD")
        .status(ConnectionStatus.CONNECTED)
        .createdAt(T0)
        .updatedAt(T0)
        .build();
  }

  private static RecordState state(RecordKind kind, String id, String fingerprint) {
    return RecordState.of(RecordKey.of(kind, id), fingerprint, kind == RecordKind.ITEM ? null : "mc-" + id);
  }

  // ---- connections -------------------------------------------------------------------------

  @Test
  void connection_whenUnknown_isEmpty() {
    assertThat(store.connection("nope")).isEmpty();
    assertThat(store.connections()).isEmpty();
    assertThat(store.connectionsByRealm("123")).isEmpty();
  }

  @Test
  void connectionsByRealm_whenRealmIdNullOrBlank_isRefused() {
    assertThatThrownBy(() -> store.connectionsByRealm(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.connectionsByRealm(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void saveConnection_thenGetListAndFindByRealm() {
    Connection a = connection("a", "realm-1");
    Connection b =
        Connection.builder()
            .from(connection("b", "realm-2"))
            .tag("Imported")
            .contactLimit(500)
            .contactLimitPolicy(ContactLimitPolicy.SYNC_UP_TO_LIMIT)
            .fullSyncDone(true)
            .build();
    store.saveConnection(b);
    store.saveConnection(a);
    store = reopen(store);
    assertThat(store.connection("a")).contains(a);
    assertThat(store.connection("b")).contains(b);
    assertThat(store.connections()).containsExactly(a, b);
    assertThat(store.connectionsByRealm("realm-2")).containsExactly(b);
  }

  @Test
  void saveConnection_again_replacesIt() {
    store.saveConnection(connection("a", "realm-1"));
    Connection paused = connection("a", "realm-1").withStatus(ConnectionStatus.PAUSED, T0.plusSeconds(5));
    store.saveConnection(paused);
    store = reopen(store);
    assertThat(store.connection("a")).contains(paused);
    assertThat(store.connections()).hasSize(1);
  }

  @Test
  void deleteConnection_removesItsCursorStatesLeaseAndRuns() {
    store.saveConnection(connection("a", "realm-1"));
    store.saveCursor("a", SyncCursor.of(T0, T0));
    store.putStates("a", List.of(state(RecordKind.CUSTOMER, "1", "f1")));
    store.tryAcquireLease("a", "w1", Duration.ofMinutes(5), T0).orElseThrow();
    store.recordRun("a", SyncRunRecord.builder().runId("r1").startedAt(T0).build());
    store.saveConnection(connection("b", "realm-2"));
    store.putStates("b", List.of(state(RecordKind.CUSTOMER, "1", "fb")));

    store.deleteConnection("a");
    store.deleteConnection("never-existed");
    store = reopen(store);

    assertThat(store.connection("a")).isEmpty();
    assertThat(store.cursor("a")).isEmpty();
    assertThat(store.countStates("a", RecordKind.CUSTOMER)).isZero();
    assertThat(store.recentRuns("a", 10)).isEmpty();
    assertThat(store.tryAcquireLease("a", "w2", Duration.ofMinutes(5), T0)).isPresent();
    assertThat(store.countStates("b", RecordKind.CUSTOMER)).isEqualTo(1);
  }

  // ---- cursors -----------------------------------------------------------------------------

  @Test
  void cursor_savedThenLoaded() {
    assertThat(store.cursor("a")).isEmpty();
    SyncCursor first = SyncCursor.of(null, T0);
    store.saveCursor("a", first);
    store = reopen(store);
    assertThat(store.cursor("a")).contains(first);
    SyncCursor next = first.withChangedSince(T0.plusSeconds(3600));
    store.saveCursor("a", next);
    store = reopen(store);
    assertThat(store.cursor("a")).contains(next);
    assertThat(store.cursor("a").orElseThrow().lastFullSyncAt()).contains(T0);
  }

  // ---- record states -----------------------------------------------------------------------

  @Test
  void putStates_thenGetOnlyThoseAsked() {
    store.putStates(
        "a",
        List.of(
            state(RecordKind.CUSTOMER, "1", "f1"),
            state(RecordKind.CUSTOMER, "2", "f2"),
            state(RecordKind.ITEM, "1", "i1")));
    store = reopen(store);
    Map<RecordKey, RecordState> got =
        store.states(
            "a",
            List.of(
                RecordKey.of(RecordKind.CUSTOMER, "1"),
                RecordKey.of(RecordKind.ITEM, "1"),
                RecordKey.of(RecordKind.INVOICE, "1")));
    assertThat(got).containsOnlyKeys(RecordKey.of(RecordKind.CUSTOMER, "1"), RecordKey.of(RecordKind.ITEM, "1"));
    assertThat(got.get(RecordKey.of(RecordKind.CUSTOMER, "1"))).isEqualTo(state(RecordKind.CUSTOMER, "1", "f1"));
    assertThat(got.get(RecordKey.of(RecordKind.ITEM, "1")).mailchimpId()).isEmpty();
  }

  @Test
  void putStates_replacesAndLaterDuplicateWins() {
    store.putStates("a", List.of(state(RecordKind.INVOICE, "7", "old")));
    store.putStates("a", List.of(state(RecordKind.INVOICE, "7", "mid"), state(RecordKind.INVOICE, "7", "new")));
    store = reopen(store);
    assertThat(store.states("a", List.of(RecordKey.of(RecordKind.INVOICE, "7"))).values())
        .extracting(RecordState::fingerprint)
        .containsExactly("new");
    assertThat(store.countStates("a", RecordKind.INVOICE)).isEqualTo(1);
  }

  @Test
  void removeStates_removesOnlyThoseAndIgnoresAbsent() {
    store.putStates("a", List.of(state(RecordKind.SALES_RECEIPT, "1", "f1"), state(RecordKind.SALES_RECEIPT, "2", "f2")));
    store.removeStates(
        "a", List.of(RecordKey.of(RecordKind.SALES_RECEIPT, "1"), RecordKey.of(RecordKind.SALES_RECEIPT, "99")));
    store = reopen(store);
    assertThat(store.countStates("a", RecordKind.SALES_RECEIPT)).isEqualTo(1);
    assertThat(store.states("a", List.of(RecordKey.of(RecordKind.SALES_RECEIPT, "2")))).hasSize(1);
  }

  @Test
  void removeThenPutAgain_keepsTheLastOperation() {
    store.putStates("a", List.of(state(RecordKind.CUSTOMER, "1", "f1")));
    store.removeStates("a", List.of(RecordKey.of(RecordKind.CUSTOMER, "1")));
    store.putStates("a", List.of(state(RecordKind.CUSTOMER, "1", "f3")));
    store.removeStates("a", List.of(RecordKey.of(RecordKind.CUSTOMER, "2")));
    store = reopen(store);
    assertThat(store.states("a", List.of(RecordKey.of(RecordKind.CUSTOMER, "1"))).values())
        .extracting(RecordState::fingerprint)
        .containsExactly("f3");
  }

  @Test
  void clearStates_removesOneKindOnly_andLaterPutsCount() {
    store.putStates("a", List.of(state(RecordKind.INVOICE, "1", "f1"), state(RecordKind.INVOICE, "2", "f2"),
        state(RecordKind.CONTACT, "h1", "c1")));
    store.clearStates("a", RecordKind.INVOICE);
    store.putStates("a", List.of(state(RecordKind.INVOICE, "3", "f3")));
    store.clearStates("a", RecordKind.ITEM);
    store = reopen(store);
    try (Stream<RecordState> s = store.streamStates("a", RecordKind.INVOICE)) {
      assertThat(s.map(r -> r.key().id()).collect(Collectors.toList())).containsExactly("3");
    }
    assertThat(store.countStates("a", RecordKind.CONTACT)).isEqualTo(1);
  }

  @Test
  void streamStates_returnsEveryStateOfOneKindOnly() {
    List<RecordState> customers =
        IntStream.range(0, 2500).mapToObj(i -> state(RecordKind.CUSTOMER, "c" + i, "f" + i)).toList();
    store.putStates("a", customers.subList(0, 1000));
    store.putStates("a", customers.subList(1000, 2500));
    store.putStates("a", List.of(state(RecordKind.CONTACT, "0123456789abcdef0123456789abcdef", "h")));
    store.putStates("other", List.of(state(RecordKind.CUSTOMER, "x", "x")));
    store = reopen(store);
    try (Stream<RecordState> s = store.streamStates("a", RecordKind.CUSTOMER)) {
      assertThat(s.collect(Collectors.toList())).containsExactlyInAnyOrderElementsOf(customers);
    }
    try (Stream<RecordState> s = store.streamStates("a", RecordKind.CONTACT)) {
      assertThat(s.count()).isEqualTo(1);
    }
    assertThat(store.countStates("a", RecordKind.CUSTOMER)).isEqualTo(2500);
    assertThat(store.countStates("a", RecordKind.ITEM)).isZero();
  }

  @Test
  void streamStates_isAPointInTimeView_thatWritesDoNotDisturb() {
    store.putStates("a", List.of(state(RecordKind.ITEM, "1", "f1"), state(RecordKind.ITEM, "2", "f2")));
    try (Stream<RecordState> s = store.streamStates("a", RecordKind.ITEM)) {
      store.putStates("a", List.of(state(RecordKind.ITEM, "3", "f3")));
      store.removeStates("a", List.of(RecordKey.of(RecordKind.ITEM, "1")));
      assertThat(s.map(r -> r.key().id()).collect(Collectors.toList())).containsExactlyInAnyOrder("1", "2");
    }
    assertThat(store.countStates("a", RecordKind.ITEM)).isEqualTo(2);
  }

  @Test
  void states_keepUnicodeAndLongIdsAndFingerprints() {
    String id = "ü-\u4e2d\u6587-" + "x".repeat(300);
    String fp = "sha256:" + "ab".repeat(32);
    store.putStates("a", List.of(RecordState.of(RecordKey.of(RecordKind.ITEM, id), fp, "prod-\u00e9")));
    store = reopen(store);
    RecordState got = store.states("a", List.of(RecordKey.of(RecordKind.ITEM, id))).values().iterator().next();
    assertThat(got.fingerprint()).isEqualTo(fp);
    assertThat(got.mailchimpId()).contains("prod-\u00e9");
  }

  @Test
  void putStates_withNullElement_throwsBeforeStoringAnything() {
    List<RecordState> withNull = new ArrayList<>();
    withNull.add(state(RecordKind.CUSTOMER, "1", "f1"));
    withNull.add(null);
    assertThatThrownBy(() -> store.putStates("a", withNull)).isInstanceOf(NullPointerException.class);
    assertThat(store.countStates("a", RecordKind.CUSTOMER)).isZero();
  }

  // ---- lease -------------------------------------------------------------------------------

  @Test
  void lease_isExclusiveUntilItExpires() {
    Lease first = store.tryAcquireLease("a", "w1", Duration.ofMinutes(5), T0).orElseThrow();
    assertThat(first.owner()).isEqualTo("w1");
    assertThat(first.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(store.tryAcquireLease("a", "w2", Duration.ofMinutes(5), T0.plusSeconds(299))).isEmpty();
    assertThat(store.tryAcquireLease("a", "w1", Duration.ofMinutes(5), T0.plusSeconds(1)))
        .as("not re-entrant, even for the same owner")
        .isEmpty();
    assertThat(store.tryAcquireLease("b", "w2", Duration.ofMinutes(5), T0)).as("other connection").isPresent();
  }

  @Test
  void lease_expired_canBeTakenOverWithALargerToken_andTheOldOwnerLosesIt() {
    Lease first = store.tryAcquireLease("a", "w1", Duration.ofMinutes(5), T0).orElseThrow();
    Instant later = T0.plus(Duration.ofMinutes(5));
    Lease second = store.tryAcquireLease("a", "w2", Duration.ofMinutes(5), later).orElseThrow();
    assertThat(second.token()).isGreaterThan(first.token());
    store = reopen(store);
    assertThat(store.renewLease(first, Duration.ofMinutes(5), later.plusSeconds(1))).isEmpty();
    assertThat(store.releaseLease(first)).isFalse();
    assertThat(store.tryAcquireLease("a", "w1", Duration.ofMinutes(5), later.plusSeconds(1))).isEmpty();
    assertThat(store.renewLease(second, Duration.ofMinutes(5), later.plusSeconds(1))).isPresent();
  }

  @Test
  void renewLease_extendsFromNow_keepsTheToken() {
    Lease lease = store.tryAcquireLease("a", "w1", Duration.ofMinutes(5), T0).orElseThrow();
    Lease renewed = store.renewLease(lease, Duration.ofMinutes(10), T0.plusSeconds(240)).orElseThrow();
    assertThat(renewed.token()).isEqualTo(lease.token());
    assertThat(renewed.expiresAt()).isEqualTo(T0.plusSeconds(240).plus(Duration.ofMinutes(10)));
    store = reopen(store);
    assertThat(store.tryAcquireLease("a", "w2", Duration.ofMinutes(5), T0.plusSeconds(600))).isEmpty();
    assertThat(store.tryAcquireLease("a", "w2", Duration.ofMinutes(5), T0.plusSeconds(840))).isPresent();
  }

  @Test
  void renewLease_afterExpiry_fails() {
    Lease lease = store.tryAcquireLease("a", "w1", Duration.ofMinutes(5), T0).orElseThrow();
    assertThat(store.renewLease(lease, Duration.ofMinutes(5), T0.plus(Duration.ofMinutes(5)))).isEmpty();
  }

  @Test
  void releaseLease_letsTheNextOwnerIn_andTokensKeepIncreasing() {
    Lease first = store.tryAcquireLease("a", "w1", Duration.ofMinutes(5), T0).orElseThrow();
    assertThat(store.releaseLease(first)).isTrue();
    assertThat(store.releaseLease(first)).isFalse();
    store = reopen(store);
    Lease second = store.tryAcquireLease("a", "w2", Duration.ofMinutes(5), T0.plusSeconds(1)).orElseThrow();
    assertThat(second.token()).isGreaterThan(first.token());
    assertThat(store.renewLease(first, Duration.ofMinutes(5), T0.plusSeconds(2))).isEmpty();
  }

  @Test
  void lease_withBadArguments_throws() {
    assertThatThrownBy(() -> store.tryAcquireLease("a", "w1", Duration.ZERO, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl");
    assertThatThrownBy(() -> store.tryAcquireLease("a", " ", Duration.ofSeconds(1), T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("owner");
    assertThatThrownBy(() -> store.tryAcquireLease("a", "w", Duration.ofSeconds(1), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("now");
  }

  @Test
  void tryAcquireLease_manyThreadsAtOnce_exactlyOneWins() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 20; round++) {
        String connectionId = "race-" + round;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Optional<Lease>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          String owner = "w" + t;
          results.add(
              pool.submit(
                  () -> {
                    go.await();
                    return store.tryAcquireLease(connectionId, owner, Duration.ofMinutes(1), T0);
                  }));
        }
        go.countDown();
        int wins = 0;
        for (Future<Optional<Lease>> f : results) {
          wins += f.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
        }
        assertThat(wins).as("winners in round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- runs --------------------------------------------------------------------------------

  @Test
  void recordRun_replacesByIdAndListsNewestFirst() {
    store.recordRun("a", SyncRunRecord.builder().runId("r1").startedAt(T0).build());
    store.recordRun("a", SyncRunRecord.builder().runId("r2").startedAt(T0.plusSeconds(60)).build());
    SyncRunRecord finished =
        SyncRunRecord.builder()
            .runId("r1")
            .startedAt(T0)
            .finishedAt(T0.plusSeconds(30))
            .outcome(SyncOutcome.SUCCEEDED)
            .summary("3 created")
            .reportJson("{\"schemaVersion\":1}")
            .build();
    store.recordRun("a", finished);
    store = reopen(store);
    List<SyncRunRecord> runs = store.recentRuns("a", 10);
    assertThat(runs).extracting(SyncRunRecord::runId).containsExactly("r2", "r1");
    assertThat(runs.get(1)).isEqualTo(finished);
    assertThat(store.recentRuns("a", 1)).extracting(SyncRunRecord::runId).containsExactly("r2");
    assertThat(store.recentRuns("b", 10)).isEmpty();
  }

  @Test
  void recordRun_keepsAtLeastTheTenMostRecent() {
    for (int i = 0; i < 60; i++) {
      store.recordRun("a", SyncRunRecord.builder().runId("r" + i).startedAt(T0.plusSeconds(i)).build());
    }
    store = reopen(store);
    List<SyncRunRecord> runs = store.recentRuns("a", 10);
    assertThat(runs).extracting(SyncRunRecord::runId)
        .containsExactly("r59", "r58", "r57", "r56", "r55", "r54", "r53", "r52", "r51", "r50");
    assertThat(store.recentRuns("a", 1000).size()).isBetween(10, 60);
  }

  @Test
  void recentRuns_withNonPositiveLimit_throws() {
    assertThatThrownBy(() -> store.recentRuns("a", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  // ---- webhook events ----------------------------------------------------------------------

  @Test
  void markEventSeen_trueOnceThenFalse_perScope() {
    assertThat(store.markEventSeen("realm-1", "evt-1", T0)).isTrue();
    assertThat(store.markEventSeen("realm-1", "evt-1", T0.plusSeconds(10))).isFalse();
    assertThat(store.markEventSeen("realm-2", "evt-1", T0)).isTrue();
    store = reopen(store);
    assertThat(store.markEventSeen("realm-1", "evt-1", T0.plusSeconds(3600))).isFalse();
    assertThat(store.markEventSeen("realm-1", "evt-2", T0.plusSeconds(3600))).isTrue();
  }

  @Test
  void markEventSeen_isForgottenAfterLongerThanAWeek() {
    assertThat(store.markEventSeen("realm-1", "evt-1", T0)).isTrue();
    assertThat(store.markEventSeen("realm-1", "evt-1", T0.plus(Duration.ofDays(400)))).isTrue();
  }
}
