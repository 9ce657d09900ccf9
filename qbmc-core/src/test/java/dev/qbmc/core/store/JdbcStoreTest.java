package dev.qbmc.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.spi.Checkpoint;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.spi.Lease;
import dev.qbmc.core.model.Provider;
import dev.qbmc.core.spi.StoredTokens;
import dev.qbmc.core.spi.SyncCursor;
import dev.qbmc.core.spi.SyncRunRecord;
import dev.qbmc.core.testing.PostgresDatabaseExtension;
import dev.qbmc.core.testing.ReusingDataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** JdbcStore behaviour beyond the SPI contracts, on a real PostgreSQL. */
class JdbcStoreTest {

  @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");

  private String schema;
  private ReusingDataSource ds;

  @BeforeEach
  void newSchema() {
    schema = "store_" + SCHEMAS.incrementAndGet();
    ds = DB.dataSource();
  }

  private JdbcStore.Builder builder() {
    return JdbcStore.builder().dataSource(ds).schema(schema);
  }

  private static RecordState state(RecordKind kind, String id, String fingerprint) {
    return RecordState.of(RecordKey.of(kind, id), fingerprint, "mc-" + id);
  }

  /** Commits under the lease of connection "a" (saved as CONNECTED first when absent). */
  private static void commit(JdbcStore store, Checkpoint checkpoint) {
    if (store.connection("a").isEmpty()) {
      store.saveConnection(connection("a", null));
    }
    Lease lease = store.tryAcquireLease("a", "w", Duration.ofMinutes(1), T0).orElseThrow();
    assertThat(store.commit(lease, checkpoint)).isTrue();
    store.releaseLease(lease);
  }

  private static Connection connection(String id, String tag) {
    Connection.Builder b =
        Connection.builder()
            .connectionId(id)
            .realmId("realm-1")
            .audienceId("list-1")
            .storeId("qbo-realm-1")
            .marketingStatus(MarketingStatus.SUBSCRIBED)
            .homeCurrency("USD")
            .status(ConnectionStatus.CONNECTED)
            .createdAt(T0)
            .updatedAt(T0);
    if (tag != null) {
      b.tag(tag);
    }
    return b.build();
  }

  private static List<RecordState> customers(int from, int to, String fingerprint) {
    return IntStream.range(from, to).mapToObj(i -> state(RecordKind.CUSTOMER, "c" + i, fingerprint + i)).toList();
  }

  // ---- batches -----------------------------------------------------------------------------

  @Test
  void states_areWrittenAndReadInSlicesOfTheBatchSize() {
    JdbcStore store = builder().batchSize(7).build();
    List<RecordState> written = customers(0, 100, "f");
    commit(store, Checkpoint.builder().addAllPuts(written).build());
    List<RecordKey> keys = written.stream().map(RecordState::key).toList();
    Map<RecordKey, RecordState> read = store.states("a", keys);
    assertThat(read.values()).containsExactlyInAnyOrderElementsOf(written);

    commit(store, Checkpoint.builder().addAllRemovals(keys.subList(0, 50)).build());
    assertThat(store.countStates("a", RecordKind.CUSTOMER)).isEqualTo(50);
    assertThat(store.states("a", keys)).hasSize(50);
  }

  @Test
  void aLargeCheckpoint_roundTrips_withMixedKindsAndDuplicateKeysAcrossSlices() {
    JdbcStore store = builder().build();
    List<RecordState> many = new java.util.ArrayList<>(customers(0, 12_345, "f"));
    many.add(state(RecordKind.ITEM, "c1", "item")); // same id, other kind
    many.add(state(RecordKind.CUSTOMER, "c0", "last")); // duplicate of the first, later wins
    commit(store, Checkpoint.builder().addAllPuts(many).build());
    assertThat(store.countStates("a", RecordKind.CUSTOMER)).isEqualTo(12_345);
    assertThat(store.countStates("a", RecordKind.ITEM)).isEqualTo(1);
    Map<RecordKey, RecordState> read =
        store.states("a", List.of(RecordKey.of(RecordKind.CUSTOMER, "c0"), RecordKey.of(RecordKind.ITEM, "c1")));
    assertThat(read.get(RecordKey.of(RecordKind.CUSTOMER, "c0")).fingerprint()).isEqualTo("last");
    assertThat(read.get(RecordKey.of(RecordKind.ITEM, "c1")).fingerprint()).isEqualTo("item");
    assertThat(store.states("a", List.of())).isEmpty();
  }

  // ---- stream ------------------------------------------------------------------------------

  @Test
  void streamStates_readsBeyondOneFetch_andGivesItsConnectionBackWhenClosedEarly() {
    JdbcStore store = builder().build();
    commit(store, Checkpoint.builder().addAllPuts(customers(0, 2_500, "f")).build());
    try (Stream<RecordState> s = store.streamStates("a", RecordKind.CUSTOMER)) {
      Iterator<RecordState> it = s.iterator();
      it.next();
      assertThat(ds.borrowed()).as("held while open").isEqualTo(1);
    }
    assertThat(ds.borrowed()).as("given back on close").isZero();

    try (Stream<RecordState> s = store.streamStates("a", RecordKind.CUSTOMER)) {
      assertThat(s.count()).isEqualTo(2_500);
      assertThat(ds.borrowed()).as("given back once read to the end").isZero();
    }
    Stream<RecordState> forgotten = store.streamStates("a", RecordKind.CUSTOMER);
    assertThat(forgotten.map(RecordState::fingerprint).filter(f -> f.equals("f2499")).count()).isEqualTo(1);
    assertThat(ds.borrowed()).as("read to the end, never closed").isZero();
    forgotten.close();
  }

  @Test
  void streamStates_ofAnUnknownConnection_isEmpty() {
    JdbcStore store = builder().build();
    try (Stream<RecordState> s = store.streamStates("nobody", RecordKind.ITEM)) {
      assertThat(s).isEmpty();
    }
    assertThat(ds.borrowed()).isZero();
  }

  // ---- leases ------------------------------------------------------------------------------

  @Test
  void leaseTokens_keepIncreasing_acrossDeletedConnectionsAndReopening() {
    JdbcStore store = builder().build();
    Lease first = store.tryAcquireLease("a", "w1", Duration.ofMinutes(1), T0).orElseThrow();
    store.deleteConnection("a");
    assertThat(store.currentLease("a")).isEmpty();
    Lease second = store.tryAcquireLease("a", "w2", Duration.ofMinutes(1), T0).orElseThrow();
    assertThat(second.token()).isGreaterThan(first.token());
    store.releaseLease(second);
    Lease third = builder().build().tryAcquireLease("a", "w3", Duration.ofMinutes(1), T0).orElseThrow();
    assertThat(third.token()).isGreaterThan(second.token());
  }

  // ---- runs and events ---------------------------------------------------------------------

  @Test
  void runHistory_isBoundedPerConnectionInTheTable() throws SQLException {
    JdbcStore store = builder().recentRunsKept(12).build();
    for (int i = 0; i < 30; i++) {
      store.recordRun("a", SyncRunRecord.builder().runId("r" + i).startedAt(T0.plusSeconds(i)).build());
    }
    store.recordRun("b", SyncRunRecord.builder().runId("x").startedAt(T0).build());
    assertThat(count("sync_runs", "connection_id = 'a'")).isEqualTo(12);
    assertThat(store.recentRuns("a", 100)).hasSize(12).first().extracting(SyncRunRecord::runId).isEqualTo("r29");
    assertThat(store.recentRuns("b", 100)).hasSize(1);
    assertThatThrownBy(() -> builder().recentRunsKept(9)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eventIds_expireAfterTheRetention_andExpiredRowsArePruned() throws SQLException {
    JdbcStore store = builder().eventRetention(Duration.ofDays(2)).build();
    assertThat(store.markEventSeen("realm-1", "e1", T0)).isTrue();
    assertThat(store.markEventSeen("realm-1", "e1", T0.plus(Duration.ofDays(2)))).as("at the retention").isFalse();
    assertThat(store.markEventSeen("realm-1", "e1", T0.plus(Duration.ofDays(2)).plusSeconds(1))).isTrue();

    for (int i = 0; i < 50; i++) {
      store.markEventSeen("realm-2", "old-" + i, T0);
    }
    assertThat(count("seen_events", "TRUE")).isEqualTo(51);
    store.markEventSeen("realm-3", "new", T0.plus(Duration.ofDays(3)));
    assertThat(count("seen_events", "TRUE")).as("only the recent ones remain").isEqualTo(2);
    assertThatThrownBy(() -> builder().eventRetention(Duration.ofHours(23)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- values and errors -------------------------------------------------------------------

  @Test
  void instants_areKeptToTheMicrosecond() {
    JdbcStore store = builder().build();
    Instant precise = Instant.parse("2026-11-27T01:02:03.123456789Z");
    commit(store, Checkpoint.builder().cursor(SyncCursor.of(precise, null)).build());
    assertThat(store.cursor("a").orElseThrow().changedSince()).contains(Instant.parse("2026-11-27T01:02:03.123456Z"));
  }

  @Test
  void textWithNul_isRefusedWithoutQuotingIt() {
    JdbcStore store = builder().build();
    Checkpoint nul = Checkpoint.builder().addPuts(state(RecordKind.ITEM, "x\0y", "f")).build();
    assertThatThrownBy(() -> commit(store, nul))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("record id must not contain a NUL character");
    StoredTokens secret = StoredTokens.builder().accessToken("secret\0token").build();
    assertThatThrownBy(() -> store.compareAndSet("a", Provider.MAILCHIMP, 0, secret))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secret");
    assertThat(store.countStates("a", RecordKind.ITEM)).isZero();
  }

  @Test
  void constraintViolation_isStoreConstraintException_withTheSqlStateAndNoValues() throws SQLException {
    JdbcStore store = builder().build();
    execute("ALTER TABLE " + schema + ".qbmc_connections ADD CONSTRAINT no_forbidden CHECK (tag <> 'Forbidden')");
    Connection c = connection("a", "Forbidden");
    assertThatThrownBy(() -> store.saveConnection(c))
        .isInstanceOf(StoreConstraintException.class)
        .hasMessage("JdbcStore: saveConnection of connection 'a' failed (SQLState 23514): a constraint refused the write")
        .satisfies(e -> assertThat(((StoreConstraintException) e).sqlState()).isEqualTo("23514"));
  }

  @Test
  void databaseFailure_neverQuotesATokenInItsMessage() throws SQLException {
    JdbcStore store = builder().build();
    execute("ALTER TABLE " + schema + ".qbmc_tokens ADD CONSTRAINT short CHECK (length(refresh_token) < 5)");
    StoredTokens secret =
        StoredTokens.builder().accessToken("at-very-secret").refreshToken("rt-very-secret").build();
    assertThatThrownBy(() -> store.compareAndSet("a", Provider.QUICKBOOKS, 0, secret))
        .isInstanceOf(StoreConstraintException.class)
        .hasMessageContaining("compareAndSet tokens of connection 'a' (QUICKBOOKS)")
        .satisfies(e -> assertThat(stackTrace(e)).contains("violates check constraint").doesNotContain("very-secret"));
    execute("DROP TABLE " + schema + ".qbmc_tokens");
    assertThatThrownBy(() -> store.load("a", Provider.QUICKBOOKS))
        .isExactlyInstanceOf(StoreDatabaseException.class)
        .hasMessageContaining("SQLState 42P01");
  }

  @Test
  void unreadableRow_isStoreCorrupted() throws SQLException {
    JdbcStore store = builder().build();
    store.recordRun("a", SyncRunRecord.builder().runId("r1").startedAt(T0).build());
    execute("UPDATE " + schema + ".qbmc_sync_runs SET outcome = 'EXPLODED'");
    assertThatThrownBy(() -> store.recentRuns("a", 5))
        .isInstanceOf(StoreCorruptedException.class)
        .hasMessageContaining("sync run 'r1'");
  }

  @Test
  void builder_requiresADataSource_andChecksItsBounds() {
    assertThatThrownBy(() -> JdbcStore.builder().build()).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("dataSource");
    assertThatThrownBy(() -> JdbcStore.builder().batchSize(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JdbcStore.builder().batchSize(50_001)).isInstanceOf(IllegalArgumentException.class);
  }

  private static String stackTrace(Throwable e) {
    java.io.StringWriter out = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }

  private long count(String table, String where) throws SQLException {
    try (java.sql.Connection c = ds.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + schema + ".qbmc_" + table + " WHERE " + where)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void execute(String sql) throws SQLException {
    try (java.sql.Connection c = ds.getConnection();
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
