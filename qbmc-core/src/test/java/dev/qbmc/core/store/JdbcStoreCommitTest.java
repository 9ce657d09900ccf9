package dev.qbmc.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.model.SyncOutcome;
import dev.qbmc.core.spi.Checkpoint;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.spi.Lease;
import dev.qbmc.core.spi.SyncCursor;
import dev.qbmc.core.spi.SyncRunRecord;
import dev.qbmc.core.testing.PostgresDatabaseExtension;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The fenced commit of JdbcStore on a real PostgreSQL, beyond the SPI contract (what it writes and
 * when it refuses): it waits for a disconnect in progress, and a backend killed mid-transaction
 * leaves the previous state intact.
 */
class JdbcStoreCommitTest {

  @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");
  private static final Duration TTL = Duration.ofMinutes(1);

  private String schema;
  private JdbcStore store;

  @BeforeEach
  void open() {
    schema = "commit_" + SCHEMAS.incrementAndGet();
    store = JdbcStore.builder().dataSource(DB.dataSource()).schema(schema).build();
    store.saveConnection(connection(ConnectionStatus.CONNECTED));
  }

  private static Connection connection(ConnectionStatus status) {
    return Connection.builder()
        .connectionId("a")
        .realmId("realm-1")
        .audienceId("list-1")
        .storeId("qbo-realm-1")
        .marketingStatus(MarketingStatus.UNSUBSCRIBED)
        .homeCurrency("USD")
        .status(status)
        .createdAt(T0)
        .updatedAt(T0)
        .build();
  }

  private static RecordState state(String id, String fingerprint) {
    return RecordState.of(RecordKey.of(RecordKind.INVOICE, id), fingerprint, "mc-" + id);
  }

  private static RecordKey key(String id) {
    return RecordKey.of(RecordKind.INVOICE, id);
  }

  private static SyncRunRecord run(String id) {
    return SyncRunRecord.builder().runId(id).startedAt(T0).finishedAt(T0.plusSeconds(5)).outcome(SyncOutcome.SUCCEEDED).build();
  }

  /** States 1 and 2, cursor at T0, committed under a first lease that is then released. */
  private void seed() {
    Lease lease = store.tryAcquireLease("a", "seed", TTL, T0).orElseThrow();
    assertThat(
            store.commit(
                lease,
                Checkpoint.builder()
                    .addPuts(state("1", "f1"))
                    .addPuts(state("2", "f2"))
                    .cursor(SyncCursor.of(T0, T0))
                    .build()))
        .isTrue();
    store.releaseLease(lease);
  }

  private static Checkpoint everything() {
    return Checkpoint.builder()
        .addPuts(state("1", "f1-new"))
        .addPuts(state("3", "f3"))
        .addRemovals(key("2"))
        .cursor(SyncCursor.of(T0.plusSeconds(60), T0))
        .fullSyncDoneAt(T0.plusSeconds(61))
        .run(run("r-new"))
        .build();
  }

  private void assertSeedUnchanged() {
    Map<RecordKey, RecordState> states = store.states("a", List.of(key("1"), key("2"), key("3")));
    assertThat(states).containsOnlyKeys(key("1"), key("2"));
    assertThat(states.get(key("1")).fingerprint()).isEqualTo("f1");
    assertThat(store.cursor("a")).contains(SyncCursor.of(T0, T0));
    assertThat(store.recentRuns("a", 10)).isEmpty();
    store.connection("a").ifPresent(c -> assertThat(c.fullSyncDone()).isFalse());
  }

  @Test
  void commit_waitsForADisconnectInProgress_thenIsRefused() throws SQLException {
    seed();
    Lease lease = store.tryAcquireLease("a", "w1", TTL, T0.plusSeconds(10)).orElseThrow();
    PGSimpleDataSource impatient = (PGSimpleDataSource) DB.database().unpooledDataSource();
    impatient.setOptions("-c lock_timeout=200");
    JdbcStore impatientStore =
        JdbcStore.builder().dataSource(impatient).schema(schema).migrate(false).build();
    try (java.sql.Connection disconnect = DB.dataSource().getConnection()) {
      disconnect.setAutoCommit(false);
      try (Statement st = disconnect.createStatement()) {
        st.executeUpdate("UPDATE " + schema + ".qbmc_connections SET status = 'PAUSED' WHERE connection_id = 'a'");
      }
      // The disconnect has not committed: the commit waits for it rather than trusting CONNECTED.
      assertThatThrownBy(() -> impatientStore.commit(lease, everything()))
          .isInstanceOf(StoreDatabaseException.class)
          .satisfies(e -> assertThat(((StoreDatabaseException) e).sqlState()).isEqualTo("55P03"));
      disconnect.commit();
    }
    assertThat(store.commit(lease, everything())).isFalse();
    assertSeedUnchanged();
  }

  @Test
  void backendKilledMidCommit_rollsBack_leavesThePreviousStateIntact() throws SQLException {
    seed();
    // The cursor is written after the states: a trigger there kills the committing backend
    // (pg_terminate_backend) while the transaction holds the new states.
    execute(
        "CREATE FUNCTION " + schema + ".die() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$ BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NEW; END $$");
    execute(
        "CREATE TRIGGER die BEFORE INSERT OR UPDATE ON " + schema + ".qbmc_cursors"
            + " FOR EACH ROW EXECUTE FUNCTION " + schema + ".die()");
    Lease lease = store.tryAcquireLease("a", "w1", TTL, T0.plusSeconds(10)).orElseThrow();

    assertThatThrownBy(() -> store.commit(lease, everything()))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("commit of connection 'a'")
        .satisfies(e -> assertThat(((StoreUnavailableException) e).isRetryable()).isTrue());
    assertSeedUnchanged();
    assertThat(DB.dataSource().borrowed()).isZero();

    execute("DROP TRIGGER die ON " + schema + ".qbmc_cursors");
    assertThat(store.commit(lease, everything())).as("the same commit once the database is back").isTrue();
    assertThat(store.countStates("a", RecordKind.INVOICE)).isEqualTo(2);
  }

  @Test
  void unreachableDatabase_isStoreUnavailable() {
    PGSimpleDataSource nowhere = new PGSimpleDataSource();
    nowhere.setServerNames(new String[] {"127.0.0.1"});
    nowhere.setPortNumbers(new int[] {1});
    nowhere.setConnectTimeout(2);
    assertThatThrownBy(() -> JdbcStore.builder().dataSource(nowhere).build())
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("SQLState 08");
  }

  private void execute(String sql) throws SQLException {
    try (java.sql.Connection c = DB.dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
