package dev.qbmc.core.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.store.JdbcStore;
import dev.qbmc.core.store.StoreDatabaseException;
import dev.qbmc.core.store.StoreSchemaException;
import dev.qbmc.core.testing.PostgresDatabaseExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/** The schema migrations of JdbcStore on a real PostgreSQL. */
class MigrationsTest {

  @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();
  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  private static final List<String> TABLES =
      List.of("connections", "cursors", "leases", "record_states", "sync_runs", "seen_events", "tokens", "schema_history");

  private static String schema() {
    return "mig_" + SCHEMAS.incrementAndGet();
  }

  private static JdbcStore.Builder store(DataSource ds, String schema) {
    return JdbcStore.builder().dataSource(ds).schema(schema);
  }

  @Test
  void open_createsTheSchemaAndTables_andRecordsTheVersion_once() throws SQLException {
    String schema = schema();
    store(DB.dataSource(), schema).build();
    store(DB.dataSource(), schema).build();
    assertThat(tablesIn(schema, "qbmc_")).containsExactlyInAnyOrderElementsOf(TABLES);
    assertThat(history(schema, "qbmc_")).containsExactlyElementsOf(allVersions());
  }

  @Test
  void open_fromManyNodesAtOnce_migratesExactlyOnce() throws Exception {
    String schema = schema();
    int nodes = 6;
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<JdbcStore>> opened = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        DataSource own = DB.database().unpooledDataSource(); // each node its own connections
        opened.add(pool.submit(() -> {
          go.await();
          return store(own, schema).build();
        }));
      }
      go.countDown();
      for (Future<JdbcStore> f : opened) {
        assertThat(f.get(60, TimeUnit.SECONDS).countStates("c", RecordKind.CUSTOMER)).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(history(schema, "qbmc_")).containsExactlyElementsOf(allVersions());
  }

  @Test
  void open_waitsForTheAdvisoryLockOfAMigrationInProgress() throws SQLException {
    String schema = schema();
    long key = Migrations.lockKey(Tables.of(schema, "qbmc_"));
    PGSimpleDataSource impatient = (PGSimpleDataSource) DB.database().unpooledDataSource();
    impatient.setOptions("-c lock_timeout=200");
    try (Connection other = DB.dataSource().getConnection()) {
      other.setAutoCommit(false);
      try (PreparedStatement ps = other.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        ps.setLong(1, key);
        ps.execute();
      }
      // Another node migrates: this one waits on the lock (and gives up at its lock_timeout).
      assertThatThrownBy(() -> store(impatient, schema).build())
          .isInstanceOf(StoreDatabaseException.class)
          .satisfies(e -> assertThat(((StoreDatabaseException) e).sqlState()).isEqualTo("55P03"));
      other.rollback();
    }
    assertThat(store(impatient, schema).build()).isNotNull();
    // Stores with another prefix take another lock.
    assertThat(Migrations.lockKey(Tables.of(schema, "other_"))).isNotEqualTo(key);
  }

  @Test
  void tablePrefix_keepsStoresInOneSchemaApart() throws SQLException {
    String schema = schema();
    JdbcStore a = store(DB.dataSource(), schema).tablePrefix("a_").build();
    JdbcStore b = store(DB.dataSource(), schema).tablePrefix("b_").build();
    a.clearSyncState("c");
    assertThat(tablesIn(schema, "a_")).hasSize(TABLES.size());
    assertThat(tablesIn(schema, "b_")).hasSize(TABLES.size());
    assertThat(a.toString()).isEqualTo("JdbcStore[" + schema + ".a_*]");
    assertThat(b.connections()).isEmpty();
  }

  @Test
  void noSchema_usesTheConnectionsSearchPath() throws SQLException {
    JdbcStore store = JdbcStore.builder().dataSource(DB.dataSource()).tablePrefix("nosch_").build();
    assertThat(store.connections()).isEmpty();
    assertThat(tablesIn("public", "nosch_")).hasSize(TABLES.size());
  }

  @Test
  void badIdentifiers_areRefusedBeforeAnySql() {
    for (String bad : List.of("Qbmc", "1abc", "a-b", "x; DROP TABLE y", "a".repeat(64), "", " ")) {
      assertThatThrownBy(() -> JdbcStore.builder().schema(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("schema");
    }
    for (String bad : List.of("Q_", "a b", "x\"", "p".repeat(33))) {
      assertThatThrownBy(() -> JdbcStore.builder().tablePrefix(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("tablePrefix");
    }
    assertThat(JdbcStore.builder().tablePrefix("").migrationScripts().get(0)).contains("CREATE TABLE connections");
  }

  @Test
  void migrateFalse_onAnEmptySchema_isRefusedWithTheWayOut() {
    assertThatThrownBy(() -> store(DB.dataSource(), schema()).migrate(false).build())
        .isInstanceOf(StoreSchemaException.class)
        .hasMessageContaining("migrate(true)")
        .hasMessageContaining("migrationScripts()");
  }

  @Test
  void migrationScripts_runByTheHost_thenMigrateFalseOpens() throws SQLException {
    String schema = schema();
    JdbcStore.Builder builder = store(DB.dataSource(), schema).tablePrefix("host_").migrate(false);
    List<String> scripts = builder.migrationScripts();
    assertThat(scripts).hasSize(Migrations.latestVersion());
    assertThat(scripts.get(0))
        .startsWith("CREATE SCHEMA IF NOT EXISTS " + schema + ";")
        .contains("CREATE TABLE " + schema + ".host_record_states")
        .doesNotContain("${");
    try (Connection c = DB.dataSource().getConnection()) {
      c.setAutoCommit(false);
      for (String script : scripts) {
        try (Statement st = c.createStatement()) {
          st.execute(script);
        }
      }
      c.commit();
    }
    JdbcStore store = builder.build();
    assertThat(store.countStates("c", RecordKind.INVOICE)).isZero();
    assertThat(history(schema, "host_")).containsExactlyElementsOf(allVersions());
  }

  @Test
  void open_refusesASchemaFromANewerQbmc_orAnAlteredScript() throws SQLException {
    String schema = schema();
    store(DB.dataSource(), schema).build();
    execute("UPDATE " + schema + ".qbmc_schema_history SET checksum = 'edited'");
    assertThatThrownBy(() -> store(DB.dataSource(), schema).build())
        .isInstanceOf(StoreSchemaException.class)
        .hasMessageContaining("different script");

    String newer = schema();
    store(DB.dataSource(), newer).build();
    execute("INSERT INTO " + newer + ".qbmc_schema_history (version, description, checksum) VALUES (999, 'x', 'y')");
    assertThatThrownBy(() -> store(DB.dataSource(), newer).build())
        .isInstanceOf(StoreSchemaException.class)
        .hasMessageContaining("newer than this qbmc");
    assertThatThrownBy(() -> store(DB.dataSource(), newer).migrate(false).build())
        .isInstanceOf(StoreSchemaException.class);
  }

  @Test
  void aVersion1Database_isMigrated_andItsRowsReadBack_withoutMemos_andWithTheDefaultFactTags() throws SQLException {
    String schema = schema();
    List<String> scripts = store(DB.dataSource(), schema).migrate(false).migrationScripts();
    try (Connection c = DB.dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute(scripts.get(0));
      st.execute("INSERT INTO " + schema + ".qbmc_connections (connection_id, realm_id, audience_id, store_id,"
          + " marketing_status, tag, home_currency, contact_limit_policy, status, full_sync_done, created_at,"
          + " updated_at) VALUES ('old', 'r1', 'a1', 'qbo-r1', 'SUBSCRIBED', 'QuickBooks Online', 'USD',"
          + " 'STOP_BEFORE_WRITING', 'CONNECTED', true, now(), now())");
      st.execute("INSERT INTO " + schema + ".qbmc_record_states (connection_id, kind, record_id, fingerprint,"
          + " mailchimp_id) VALUES ('old', 'CUSTOMER', '7', 'fp', 'h')");
    }

    JdbcStore store = store(DB.dataSource(), schema).build();

    assertThat(history(schema, "qbmc_")).containsExactlyElementsOf(allVersions());
    assertThat(store.connection("old").orElseThrow().factTags()).isEqualTo(dev.qbmc.core.model.FactTags.defaults());
    dev.qbmc.core.model.RecordKey key = dev.qbmc.core.model.RecordKey.of(RecordKind.CUSTOMER, "7");
    assertThat(store.states("old", List.of(key)).get(key))
        .isEqualTo(dev.qbmc.core.model.RecordState.of(key, "fp", "h"));
  }

  @Test
  void statements_splitAtSemicolonsThatEndALine_andSkipComments() {
    assertThat(Migrations.statements("-- note;\nCREATE TABLE a (x text);\n\nCREATE INDEX i\n  ON a (x);\n"))
        .containsExactly("CREATE TABLE a (x text)", "CREATE INDEX i\n  ON a (x)");
    assertThatThrownBy(() -> Migrations.statements("CREATE TABLE a (x text)"))
        .isInstanceOf(IllegalStateException.class);
  }

  private static List<String> tablesIn(String schema, String prefix) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = DB.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT substr(table_name, ?) FROM information_schema.tables"
                    + " WHERE table_schema = ? AND table_name LIKE ?")) {
      ps.setInt(1, prefix.length() + 1);
      ps.setString(2, schema);
      ps.setString(3, prefix.replace("_", "\\_") + "%");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }

  private static List<Integer> allVersions() {
    return java.util.stream.IntStream.rangeClosed(1, Migrations.latestVersion()).boxed().toList();
  }

  private static List<Integer> history(String schema, String prefix) throws SQLException {
    List<Integer> versions = new ArrayList<>();
    try (Connection c = DB.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT version FROM " + schema + "." + prefix + "schema_history ORDER BY 1")) {
      while (rs.next()) {
        versions.add(rs.getInt(1));
      }
    }
    return versions;
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = DB.dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
