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
import java.util.Collection;
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

  /**
   * A valid, connected connection for tests (also used by store-specific tests).
   *
   * @param id the connection id
   * @param realmId the realm id
   * @return the connection
   */
  public static Connection connection(String id, String realmId) {
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

  private static RecordKey key(RecordKind kind, String id) {
    return RecordKey.of(kind, id);
  }

  /** Saves the connection as CONNECTED (when it is not stored yet) and takes its lease at T0. */
  private Lease writer(String connectionId) {
    if (store.connection(connectionId).isEmpty()) {
      store.saveConnection(connection(connectionId, "realm-" + connectionId));
    }
    return store.tryAcquireLease(connectionId, "writer", Duration.ofMinutes(5), T0).orElseThrow();
  }

  /** Commits states under the connection's lease (taken and released around the commit). */
  private void put(String connectionId, RecordState... states) {
    commitAndRelease(connectionId, Checkpoint.builder().addPuts(states).build());
  }

  private void put(String connectionId, List<RecordState> states) {
    commitAndRelease(connectionId, Checkpoint.builder().addAllPuts(states).build());
  }

  private void remove(String connectionId, RecordKey... keys) {
    commitAndRelease(connectionId, Checkpoint.builder().addRemovals(keys).build());
  }

  private void commitAndRelease(String connectionId, Checkpoint checkpoint) {
    Lease lease = writer(connectionId);
    assertThat(store.commit(lease, checkpoint)).isTrue();
    assertThat(store.releaseLease(lease)).isTrue();
  }

  private static SyncRunRecord run(String id) {
    return SyncRunRecord.builder()
        .runId(id)
        .startedAt(T0)
        .finishedAt(T0.plusSeconds(5))
        .outcome(SyncOutcome.SUCCEEDED)
        .build();
  }

  /** Invoices 1 and 2, cursor (T0, T0): the state every refused commit must leave as it was. */
  private void seed() {
    commitAndRelease(
        "a",
        Checkpoint.builder()
            .addPuts(state(RecordKind.INVOICE, "1", "f1"), state(RecordKind.INVOICE, "2", "f2"))
            .cursor(SyncCursor.of(T0, T0))
            .build());
  }

  /** A checkpoint with every part: changes invoice 1, adds 3, removes 2, moves the cursor. */
  private static Checkpoint everything() {
    return Checkpoint.builder()
        .addPuts(state(RecordKind.INVOICE, "1", "f1-new"), state(RecordKind.INVOICE, "3", "f3"))
        .addRemovals(key(RecordKind.INVOICE, "2"))
        .cursor(SyncCursor.of(T0.plusSeconds(60), T0))
        .fullSyncDoneAt(T0.plusSeconds(61))
        .run(run("r-new"))
        .build();
  }

  /** The stored states of invoices 1, 2 and 3 of connection "a". */
  private Collection<RecordState> invoices123() {
    return store.states(
            "a",
            List.of(key(RecordKind.INVOICE, "1"), key(RecordKind.INVOICE, "2"), key(RecordKind.INVOICE, "3")))
        .values();
  }

  private void assertSeedUnchanged() {
    assertThat(invoices123())
        .containsExactlyInAnyOrder(state(RecordKind.INVOICE, "1", "f1"), state(RecordKind.INVOICE, "2", "f2"));
    assertThat(store.cursor("a")).contains(SyncCursor.of(T0, T0));
    assertThat(store.recentRuns("a", 10)).isEmpty();
    store.connection("a").ifPresent(c -> assertThat(c.fullSyncDone()).isFalse());
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
  void saveConnection_keepsItsFactTags_includingNone() {
    Connection owes = Connection.builder().from(connection("a", "realm-1"))
        .factTags(dev.qbmc.core.model.FactTags.of("Owes money", null)).build();
    Connection none = Connection.builder().from(connection("b", "realm-2"))
        .factTags(dev.qbmc.core.model.FactTags.none()).build();
    store.saveConnection(owes);
    store.saveConnection(none);
    store = reopen(store);
    assertThat(store.connection("a")).contains(owes);
    assertThat(store.connection("b")).contains(none);
    assertThat(store.connection("a").orElseThrow().factTags().overdue()).isEmpty();
  }

  @Test
  void deleteConnection_removesItsCursorStatesLeaseAndRuns() {
    Lease lease = writer("a");
    assertThat(
            store.commit(
                lease,
                Checkpoint.builder()
                    .addPuts(state(RecordKind.CUSTOMER, "1", "f1"))
                    .cursor(SyncCursor.of(T0, T0))
                    .run(run("r1"))
                    .build()))
        .isTrue();
    put("b", state(RecordKind.CUSTOMER, "1", "fb"));

    store.deleteConnection("a");
    store.deleteConnection("never-existed");
    store = reopen(store);

    assertThat(store.connection("a")).isEmpty();
    assertThat(store.cursor("a")).isEmpty();
    assertThat(store.countStates("a", RecordKind.CUSTOMER)).isZero();
    assertThat(store.recentRuns("a", 10)).isEmpty();
    assertThat(store.currentLease("a")).isEmpty();
    assertThat(store.tryAcquireLease("a", "w2", Duration.ofMinutes(5), T0)).isPresent();
    assertThat(store.countStates("b", RecordKind.CUSTOMER)).isEqualTo(1);
  }

  // ---- fenced commits ----------------------------------------------------------------------

  @Test
  void commit_withTheCurrentLease_writesStatesCursorFlagAndRunTogether() {
    seed();
    Lease lease = writer("a");
    assertThat(store.commit(lease, everything())).isTrue();
    store = reopen(store);

    assertThat(invoices123())
        .containsExactlyInAnyOrder(state(RecordKind.INVOICE, "1", "f1-new"), state(RecordKind.INVOICE, "3", "f3"));
    assertThat(store.cursor("a")).contains(SyncCursor.of(T0.plusSeconds(60), T0));
    Connection c = store.connection("a").orElseThrow();
    assertThat(c.fullSyncDone()).isTrue();
    assertThat(c.updatedAt()).isEqualTo(T0.plusSeconds(61));
    assertThat(c).isEqualTo(Connection.builder().from(connection("a", "realm-a")).fullSyncDone(true)
        .updatedAt(T0.plusSeconds(61)).build());
    assertThat(store.recentRuns("a", 10)).containsExactly(run("r-new"));
  }

  @Test
  void commit_ofOnlyACursor_movesTheCursorAndKeepsTheStates() {
    seed();
    SyncCursor first = SyncCursor.of(null, T0.plusSeconds(1));
    commitAndRelease("a", Checkpoint.builder().cursor(first).build());
    store = reopen(store);
    assertThat(store.cursor("a")).contains(first);
    SyncCursor next = first.withChangedSince(T0.plusSeconds(3600));
    commitAndRelease("a", Checkpoint.builder().cursor(next).build());
    store = reopen(store);
    assertThat(store.cursor("a")).contains(next);
    assertThat(store.cursor("a").orElseThrow().lastFullSyncAt()).contains(T0.plusSeconds(1));
    assertThat(store.countStates("a", RecordKind.INVOICE)).isEqualTo(2);
  }

  @Test
  void commit_withAStaleToken_afterTakeover_isRefusedAndWritesNothing() {
    seed();
    Lease stale = store.tryAcquireLease("a", "w1", Duration.ofMinutes(1), T0.plusSeconds(10)).orElseThrow();
    Lease current =
        store.tryAcquireLease("a", "w2", Duration.ofMinutes(1), T0.plusSeconds(70)).orElseThrow();
    assertThat(current.token()).isGreaterThan(stale.token());
    assertThat(store.commit(stale, everything())).isFalse();
    assertSeedUnchanged();
    Lease forged = Lease.of("a", "w1", current.token(), current.acquiredAt(), current.expiresAt());
    assertThat(store.commit(forged, everything())).as("same token, other owner").isFalse();
    store = reopen(store);
    assertSeedUnchanged();
  }

  @Test
  void commit_afterRelease_isRefusedAndWritesNothing() {
    seed();
    Lease lease = writer("a");
    assertThat(store.releaseLease(lease)).isTrue();
    assertThat(store.commit(lease, everything())).isFalse();
    assertThat(store.commit(lease, Checkpoint.builder().build())).as("empty").isFalse();
    assertSeedUnchanged();
  }

  @Test
  void commit_whenTheConnectionIsNotConnected_isRefusedAndWritesNothing() {
    seed();
    for (ConnectionStatus status :
        List.of(ConnectionStatus.PAUSED, ConnectionStatus.DISCONNECTED, ConnectionStatus.NEEDS_REAUTHORIZATION)) {
      Lease lease = writer("a");
      store.saveConnection(connection("a", "realm-a").withStatus(status, T0));
      assertThat(store.commit(lease, everything())).as(status.name()).isFalse();
      assertSeedUnchanged();
      store.saveConnection(connection("a", "realm-a"));
      assertThat(store.commit(lease, Checkpoint.builder().build())).as("connected again").isTrue();
      store.releaseLease(lease);
    }
  }

  @Test
  void commit_whenTheConnectionWasDeletedOrNeverSaved_isRefusedAndWritesNothing() {
    Lease lease = writer("a");
    store.deleteConnection("a");
    assertThat(store.commit(lease, everything())).isFalse();
    assertThat(store.countStates("a", RecordKind.INVOICE)).isZero();
    assertThat(store.cursor("a")).isEmpty();
    assertThat(store.recentRuns("a", 10)).isEmpty();

    Lease orphan = store.tryAcquireLease("never-saved", "w1", Duration.ofMinutes(1), T0).orElseThrow();
    assertThat(store.commit(orphan, Checkpoint.builder().addPuts(state(RecordKind.INVOICE, "1", "f")).build()))
        .isFalse();
    assertThat(store.countStates("never-saved", RecordKind.INVOICE)).isZero();
    assertThat(store.connection("never-saved")).isEmpty();
  }

  @Test
  void commit_underAnExpiredLeaseNobodyReplaced_isStillWritten() {
    Lease lease = writer("a");
    Instant later = T0.plus(Duration.ofHours(1));
    assertThat(lease.isExpiredAt(later)).isTrue();
    assertThat(store.commit(lease, Checkpoint.builder().addPuts(state(RecordKind.ITEM, "1", "i1")).build()))
        .isTrue();
    assertThat(store.countStates("a", RecordKind.ITEM)).isEqualTo(1);
  }

  @Test
  void commit_empty_writesNothing_andTellsWhetherWritingIsAllowed() {
    seed();
    Lease lease = writer("a");
    assertThat(Checkpoint.builder().build().isEmpty()).isTrue();
    assertThat(store.commit(lease, Checkpoint.builder().build())).isTrue();
    assertSeedUnchanged();
  }

  @Test
  void commit_laterDuplicateWins_absentRemovalsAreIgnored_andAKeyPutAndRemovedEndsRemoved() {
    put("a", state(RecordKind.INVOICE, "7", "old"), state(RecordKind.INVOICE, "8", "f8"));
    commitAndRelease(
        "a",
        Checkpoint.builder()
            .addPuts(state(RecordKind.INVOICE, "7", "mid"), state(RecordKind.INVOICE, "7", "new"))
            .addPuts(state(RecordKind.INVOICE, "8", "f8-new"), state(RecordKind.INVOICE, "9", "f9"))
            .addRemovals(key(RecordKind.INVOICE, "99"), key(RecordKind.INVOICE, "99"))
            .addRemovals(key(RecordKind.INVOICE, "8"), key(RecordKind.INVOICE, "9"))
            .build());
    store = reopen(store);
    try (Stream<RecordState> s = store.streamStates("a", RecordKind.INVOICE)) {
      assertThat(s.collect(Collectors.toList())).containsExactly(state(RecordKind.INVOICE, "7", "new"));
    }
  }

  @Test
  void commit_withNullArguments_throwsAndWritesNothing() {
    seed();
    Lease lease = writer("a");
    assertThatThrownBy(() -> store.commit(lease, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.commit(null, everything())).isInstanceOf(NullPointerException.class);
    List<RecordState> withNull = new ArrayList<>();
    withNull.add(state(RecordKind.CUSTOMER, "1", "f1"));
    withNull.add(null);
    assertThatThrownBy(() -> Checkpoint.builder().addAllPuts(withNull)).isInstanceOf(NullPointerException.class);
    assertSeedUnchanged();
  }

  @Test
  void commit_isNotMixedUpBetweenConnections() {
    Lease a = writer("a");
    Lease b = writer("b");
    assertThat(store.commit(a, Checkpoint.builder().addPuts(state(RecordKind.ITEM, "1", "a1")).build())).isTrue();
    assertThat(store.commit(b, Checkpoint.builder().cursor(SyncCursor.of(T0, null)).build())).isTrue();
    assertThat(store.countStates("b", RecordKind.ITEM)).isZero();
    assertThat(store.cursor("a")).isEmpty();
    assertThat(store.states("a", List.of(key(RecordKind.ITEM, "1")))).hasSize(1);
  }

  // ---- forgetting sync state ---------------------------------------------------------------

  @Test
  void clearSyncState_forgetsCursorAndEveryState_keepsConnectionRunsAndLeaseTokens() {
    Lease first = writer("a");
    assertThat(
            store.commit(
                first,
                Checkpoint.builder()
                    .addPuts(state(RecordKind.INVOICE, "1", "f1"), state(RecordKind.CONTACT, "h1", "c1"))
                    .addPuts(state(RecordKind.ITEM, "1", "i1"), state(RecordKind.CUSTOMER, "1", "u1"))
                    .addPuts(state(RecordKind.SALES_RECEIPT, "1", "s1"))
                    .cursor(SyncCursor.of(T0, T0))
                    .fullSyncDoneAt(T0.plusSeconds(1))
                    .run(run("r1"))
                    .build()))
        .isTrue();
    store.releaseLease(first);
    put("b", state(RecordKind.INVOICE, "1", "fb"));

    store.clearSyncState("a");
    store.clearSyncState("never-existed");
    store = reopen(store);

    for (RecordKind kind : RecordKind.values()) {
      assertThat(store.countStates("a", kind)).as(kind.name()).isZero();
    }
    assertThat(store.cursor("a")).isEmpty();
    assertThat(store.connection("a").orElseThrow().fullSyncDone()).isTrue();
    assertThat(store.recentRuns("a", 10)).containsExactly(run("r1"));
    assertThat(store.countStates("b", RecordKind.INVOICE)).isEqualTo(1);
    Lease next = store.tryAcquireLease("a", "w2", Duration.ofMinutes(5), T0).orElseThrow();
    assertThat(next.token()).isGreaterThan(first.token());
    assertThat(store.commit(next, Checkpoint.builder().addPuts(state(RecordKind.ITEM, "2", "i2")).build())).isTrue();
    assertThat(store.countStates("a", RecordKind.ITEM)).isEqualTo(1);
  }

  // ---- record states -----------------------------------------------------------------------

  @Test
  void states_returnsOnlyThoseAsked() {
    put(
        "a",
        state(RecordKind.CUSTOMER, "1", "f1"),
        state(RecordKind.CUSTOMER, "2", "f2"),
        state(RecordKind.ITEM, "1", "i1"));
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
    assertThat(store.states("a", List.of())).isEmpty();
    assertThat(store.states("unknown", List.of(RecordKey.of(RecordKind.ITEM, "1")))).isEmpty();
  }

  @Test
  void removeThenPutAgain_keepsTheLastOperation() {
    put("a", state(RecordKind.CUSTOMER, "1", "f1"), state(RecordKind.SALES_RECEIPT, "1", "s1"));
    remove("a", key(RecordKind.CUSTOMER, "1"));
    put("a", state(RecordKind.CUSTOMER, "1", "f3"));
    remove("a", key(RecordKind.CUSTOMER, "2"), key(RecordKind.SALES_RECEIPT, "1"));
    store = reopen(store);
    assertThat(store.states("a", List.of(RecordKey.of(RecordKind.CUSTOMER, "1"))).values())
        .extracting(RecordState::fingerprint)
        .containsExactly("f3");
    assertThat(store.countStates("a", RecordKind.SALES_RECEIPT)).isZero();
  }

  @Test
  void streamStates_returnsEveryStateOfOneKindOnly() {
    List<RecordState> customers =
        IntStream.range(0, 2500).mapToObj(i -> state(RecordKind.CUSTOMER, "c" + i, "f" + i)).toList();
    put("a", customers.subList(0, 1000));
    put("a", customers.subList(1000, 2500));
    put("a", state(RecordKind.CONTACT, "0123456789abcdef0123456789abcdef", "h"));
    put("other", state(RecordKind.CUSTOMER, "x", "x"));
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
  void streamStates_isAPointInTimeView_thatCommitsDoNotDisturb() {
    put("a", state(RecordKind.ITEM, "1", "f1"), state(RecordKind.ITEM, "2", "f2"));
    try (Stream<RecordState> s = store.streamStates("a", RecordKind.ITEM)) {
      commitAndRelease(
          "a",
          Checkpoint.builder()
              .addPuts(state(RecordKind.ITEM, "3", "f3"))
              .addRemovals(key(RecordKind.ITEM, "1"))
              .build());
      assertThat(s.map(r -> r.key().id()).collect(Collectors.toList())).containsExactlyInAnyOrder("1", "2");
    }
    assertThat(store.countStates("a", RecordKind.ITEM)).isEqualTo(2);
  }

  @Test
  void states_keepUnicodeAndLongIdsAndFingerprints() {
    String id = "ü-\u4e2d\u6587-" + "x".repeat(300);
    String fp = "sha256:" + "ab".repeat(32);
    put("a", RecordState.of(RecordKey.of(RecordKind.ITEM, id), fp, "prod-\u00e9"));
    store = reopen(store);
    RecordState got = store.states("a", List.of(RecordKey.of(RecordKind.ITEM, id))).values().iterator().next();
    assertThat(got.fingerprint()).isEqualTo(fp);
    assertThat(got.mailchimpId()).contains("prod-\u00e9");
  }

  @Test
  void states_keepTheirMemo_withOrWithoutAMailchimpId_andStatesWithoutStayWithout() {
    RecordKey contact = RecordKey.of(RecordKind.CONTACT, "hash-1");
    RecordKey invoice = RecordKey.of(RecordKind.INVOICE, "7");
    RecordKey item = RecordKey.of(RecordKind.ITEM, "9");
    String memo = "1|ta42|BO|7,8 \u00e9\u4e2d";
    put("a",
        RecordState.of(contact, "fp-c", "hash-1", memo),
        RecordState.of(invoice, "fp-i", null, "hash-1"),
        RecordState.of(item, "fp-p", "9"));
    store = reopen(store);

    Map<RecordKey, RecordState> got = store.states("a", List.of(contact, invoice, item));
    assertThat(got.get(contact).memo()).contains(memo);
    assertThat(got.get(contact).mailchimpId()).contains("hash-1");
    assertThat(got.get(invoice).memo()).contains("hash-1");
    assertThat(got.get(invoice).mailchimpId()).isEmpty();
    assertThat(got.get(item).memo()).isEmpty();
    try (Stream<RecordState> s = store.streamStates("a", RecordKind.CONTACT)) {
      assertThat(s.map(RecordState::memo).collect(Collectors.toList())).containsExactly(java.util.Optional.of(memo));
    }

    put("a", RecordState.of(contact, "fp-c", "hash-1"));
    assertThat(store.states("a", List.of(contact)).get(contact).memo()).as("a put without memo drops it").isEmpty();
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
    assertThat(store.tryAcquireLease("a", "w1", Duration.ofMinutes(5), later.plusSeconds(1))).isEmpty();
    // (no exclusivity assertion after a reopen: a FileStore takes an earlier open's lease at once)
    store = reopen(store);
    assertThat(store.renewLease(first, Duration.ofMinutes(5), later.plusSeconds(1))).isEmpty();
    assertThat(store.releaseLease(first)).isFalse();
    assertThat(store.renewLease(second, Duration.ofMinutes(5), later.plusSeconds(1))).isPresent();
  }

  @Test
  void renewLease_extendsFromNow_keepsTheToken() {
    Lease lease = store.tryAcquireLease("a", "w1", Duration.ofMinutes(5), T0).orElseThrow();
    Lease renewed = store.renewLease(lease, Duration.ofMinutes(10), T0.plusSeconds(240)).orElseThrow();
    assertThat(renewed.token()).isEqualTo(lease.token());
    assertThat(renewed.expiresAt()).isEqualTo(T0.plusSeconds(240).plus(Duration.ofMinutes(10)));
    assertThat(store.tryAcquireLease("a", "w2", Duration.ofMinutes(5), T0.plusSeconds(600))).isEmpty();
    store = reopen(store);
    assertThat(store.currentLease("a")).contains(renewed);
  }

  @Test
  void tokens_increaseStrictly_acrossAcquireTakeoverReleaseReacquireDeleteAndReopen() {
    List<Long> tokens = new ArrayList<>();
    Lease first = store.tryAcquireLease("a", "w1", Duration.ofMinutes(1), T0).orElseThrow();
    tokens.add(first.token());
    Lease takeover = store.tryAcquireLease("a", "w2", Duration.ofMinutes(1), T0.plusSeconds(60)).orElseThrow();
    tokens.add(takeover.token());
    assertThat(store.releaseLease(takeover)).isTrue();
    Lease again = store.tryAcquireLease("a", "w2", Duration.ofMinutes(1), T0.plusSeconds(61)).orElseThrow();
    tokens.add(again.token());
    assertThat(store.releaseLease(again)).isTrue();
    store = reopen(store);
    Lease afterReopen = store.tryAcquireLease("a", "w1", Duration.ofMinutes(1), T0.plusSeconds(62)).orElseThrow();
    tokens.add(afterReopen.token());
    store.deleteConnection("a");
    Lease afterDelete = store.tryAcquireLease("a", "w1", Duration.ofMinutes(1), T0.plusSeconds(63)).orElseThrow();
    tokens.add(afterDelete.token());
    store.releaseLease(afterDelete);
    store = reopen(store);
    tokens.add(store.tryAcquireLease("a", "w1", Duration.ofMinutes(1), T0.plusSeconds(64)).orElseThrow().token());
    assertThat(tokens).isSorted().doesNotHaveDuplicates();
    assertThat(tokens.get(0)).isPositive();
  }

  @Test
  void currentLease_followsAcquireRenewTakeoverAndRelease() {
    assertThat(store.currentLease("a")).isEmpty();
    Lease lease = store.tryAcquireLease("a", "w1", Duration.ofMinutes(1), T0).orElseThrow();
    assertThat(store.currentLease("a")).contains(lease);
    Lease renewed = store.renewLease(lease, Duration.ofMinutes(5), T0.plusSeconds(30)).orElseThrow();
    assertThat(store.currentLease("a")).contains(renewed);
    store = reopen(store);
    assertThat(store.currentLease("a")).as("still shown once expired").contains(renewed);
    Lease takeover = store.tryAcquireLease("a", "w2", Duration.ofMinutes(1), renewed.expiresAt()).orElseThrow();
    assertThat(store.currentLease("a")).contains(takeover);
    assertThat(store.currentLease("b")).isEmpty();
    assertThat(store.releaseLease(takeover)).isTrue();
    assertThat(store.currentLease("a")).isEmpty();
    store = reopen(store);
    assertThat(store.currentLease("a")).isEmpty();
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
