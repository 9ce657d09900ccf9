package dev.qbmc.core.store;

import dev.qbmc.core.internal.store.Args;
import dev.qbmc.core.internal.store.jdbc.ConnectionRows;
import dev.qbmc.core.internal.store.jdbc.EventRows;
import dev.qbmc.core.internal.store.jdbc.Failures;
import dev.qbmc.core.internal.store.jdbc.Jdbc;
import dev.qbmc.core.internal.store.jdbc.LeaseRows;
import dev.qbmc.core.internal.store.jdbc.Migrations;
import dev.qbmc.core.internal.store.jdbc.RunRows;
import dev.qbmc.core.internal.store.jdbc.StateRows;
import dev.qbmc.core.internal.store.jdbc.StateStream;
import dev.qbmc.core.internal.store.jdbc.Tables;
import dev.qbmc.core.internal.store.jdbc.TokenRows;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.spi.Checkpoint;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.spi.Lease;
import dev.qbmc.core.model.Provider;
import dev.qbmc.core.spi.StoredTokens;
import dev.qbmc.core.spi.SyncCursor;
import dev.qbmc.core.spi.SyncRunRecord;
import dev.qbmc.core.spi.SyncStateStore;
import dev.qbmc.core.spi.TokenStore;
import dev.qbmc.core.spi.VersionedTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A {@link TokenStore} and {@link SyncStateStore} on PostgreSQL (12 or newer), for hosts that run
 * qbmc on several nodes: every node opens a {@code JdbcStore} on the same database, and leases,
 * fencing and token compare-and-set coordinate them. The host passes its {@link DataSource}
 * (normally a connection pool); qbmc needs nothing but {@code java.sql} and brings no driver or pool.
 *
 * <pre>{@code
 * JdbcStore store = JdbcStore.builder()
 *     .dataSource(pool)      // the host's pool, e.g. HikariCP on jdbc:postgresql://...
 *     .schema("qbmc")        // optional; default: the connection's search_path
 *     .build();              // applies the schema migrations (advisory lock), then opens
 * }</pre>
 *
 * <h2>Schema</h2>
 *
 * Eight tables named {@code <prefix><name>} (prefix {@code qbmc_} unless set): {@code connections},
 * {@code cursors}, {@code leases}, {@code record_states}, {@code sync_runs}, {@code seen_events},
 * {@code tokens} and {@code schema_history}. The versioned scripts ship in the jar as {@code
 * dev/qbmc/core/internal/store/jdbc/V<n>__<what>.sql}. By default {@link Builder#build()} applies
 * the missing ones in one transaction under an advisory lock, so nodes starting at once are safe;
 * with {@link Builder#migrate(boolean) migrate(false)} it only checks the version, and the host runs
 * {@link Builder#migrationScripts()} with its own tool. Instants are stored as {@code timestamptz},
 * at microsecond precision.
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li>Each call is one transaction (or one statement); {@link #commit} checks the lease token and
 *       the connection's status in the transaction that writes, holding both rows until it ends.
 *   <li>Lease acquire, renew and release are single conditional statements; tokens increase per
 *       connection forever (the lease row outlives releases and deleted connections).
 *   <li>Tokens are written by compare-and-set on a version column; deleted tokens leave a tombstone
 *       so that versions continue above it.
 *   <li>Record states are read, written and removed by key, a slice of up to {@link
 *       Builder#batchSize(int)} keys per statement ({@code unnest} arrays joined to the primary
 *       key); {@link #streamStates} reads through a server-side cursor on a connection of its own
 *       until the stream is closed.
 *   <li>At most {@link Builder#recentRunsKept(int)} runs per connection; webhook event ids are
 *       remembered for {@link Builder#eventRetention(Duration)} and pruned as new ones arrive (the
 *       number per scope is bounded by time only).
 *   <li>Failures throw {@link StoreDatabaseException}: {@link StoreUnavailableException} when the
 *       database is unreachable or drops the connection (the transaction is rolled back, nothing of
 *       the call is written), {@link StoreConstraintException} for constraint violations. Messages
 *       carry the operation and the SQLState, never a token or a stored value.
 * </ul>
 *
 * <p>Thread-safe; holds no connection between calls (except an open {@link #streamStates} stream),
 * so there is nothing to close.
 */
public final class JdbcStore implements TokenStore, SyncStateStore {

  private final Jdbc jdbc;
  private final Tables tables;
  private final ConnectionRows connections;
  private final StateRows states;
  private final LeaseRows leases;
  private final TokenRows tokens;
  private final RunRows runs;
  private final EventRows events;

  private JdbcStore(Builder b, Tables tables) {
    Failures failures = new JdbcFailures();
    this.jdbc = new Jdbc(b.dataSource, failures);
    this.tables = tables;
    this.connections = new ConnectionRows(tables, failures);
    this.states = new StateRows(tables, b.batchSize);
    this.leases = new LeaseRows(tables);
    this.tokens = new TokenRows(tables);
    this.runs = new RunRows(tables, b.recentRunsKept, failures);
    this.events = new EventRows(tables, b.eventRetention);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---- TokenStore --------------------------------------------------------------------------

  @Override
  public Optional<VersionedTokens> load(String connectionId, Provider provider) {
    String id = id(connectionId);
    Args.notNull(provider, "provider");
    return jdbc.call(op("load tokens", id, provider), c -> tokens.load(c, id, provider));
  }

  @Override
  public boolean compareAndSet(
      String connectionId, Provider provider, long expectedVersion, StoredTokens newTokens) {
    String id = id(connectionId);
    Args.notNull(provider, "provider");
    Args.notNull(newTokens, "newTokens");
    if (expectedVersion < 0) {
      throw new IllegalArgumentException("expectedVersion must not be negative");
    }
    return jdbc.call(
        op("compareAndSet tokens", id, provider),
        c -> tokens.compareAndSet(c, id, provider, expectedVersion, newTokens));
  }

  @Override
  public void delete(String connectionId, Provider provider) {
    String id = id(connectionId);
    Args.notNull(provider, "provider");
    jdbc.call(op("delete tokens", id, provider), c -> {
      tokens.delete(c, id, provider);
      return null;
    });
  }

  @Override
  public void deleteAll(String connectionId) {
    String id = id(connectionId);
    jdbc.call(op("delete all tokens", id, null), c -> {
      tokens.delete(c, id, null);
      return null;
    });
  }

  // ---- connections -------------------------------------------------------------------------

  @Override
  public void saveConnection(Connection connection) {
    Args.notNull(connection, "connection");
    String id = id(connection.connectionId());
    jdbc.call(op("saveConnection", id, null), c -> {
      connections.save(c, connection);
      return null;
    });
  }

  @Override
  public Optional<Connection> connection(String connectionId) {
    String id = id(connectionId);
    return jdbc.call(op("load connection", id, null), c -> connections.find(c, id));
  }

  @Override
  public List<Connection> connections() {
    return jdbc.call("list connections", connections::all);
  }

  @Override
  public List<Connection> connectionsByRealm(String realmId) {
    Args.notBlank(realmId, "realmId");
    String realm = Jdbc.text(realmId, "realmId");
    return jdbc.call("list connections of a realm", c -> connections.byRealm(c, realm));
  }

  @Override
  public void deleteConnection(String connectionId) {
    String id = id(connectionId);
    jdbc.transaction(op("deleteConnection", id, null), c -> {
      states.clearAll(c, id);
      runs.deleteAll(c, id);
      leases.clear(c, id);
      connections.delete(c, id);
      return null;
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>One transaction deletes the connection's record states and its cursor.
   */
  @Override
  public void clearSyncState(String connectionId) {
    String id = id(connectionId);
    jdbc.transaction(op("clearSyncState", id, null), c -> {
      states.clearAll(c, id);
      connections.deleteCursor(c, id);
      return null;
    });
  }

  // ---- cursors -----------------------------------------------------------------------------

  @Override
  public Optional<SyncCursor> cursor(String connectionId) {
    String id = id(connectionId);
    return jdbc.call(op("load cursor", id, null), c -> connections.cursor(c, id));
  }

  // ---- record states -----------------------------------------------------------------------

  @Override
  public Map<RecordKey, RecordState> states(String connectionId, Collection<RecordKey> keys) {
    String id = id(connectionId);
    List<RecordKey> asked = nonNullElements(keys, "keys");
    return jdbc.call(op("load states", id, null), c -> states.read(c, id, asked));
  }

  /**
   * {@inheritDoc}
   *
   * <p>The stream holds a connection of the data source, with a read transaction, until it is
   * closed or read to the end: close it (try-with-resources).
   */
  @Override
  public Stream<RecordState> streamStates(String connectionId, RecordKind kind) {
    String id = id(connectionId);
    Args.notNull(kind, "kind");
    return StateStream.open(jdbc, states, id, kind);
  }

  @Override
  public long countStates(String connectionId, RecordKind kind) {
    String id = id(connectionId);
    Args.notNull(kind, "kind");
    return jdbc.call(op("countStates", id, null), c -> states.count(c, id, kind));
  }

  // ---- lease -------------------------------------------------------------------------------

  @Override
  public Optional<Lease> tryAcquireLease(String connectionId, String owner, Duration ttl, Instant now) {
    String id = id(connectionId);
    Args.notBlank(owner, "owner");
    Args.positive(ttl, "ttl");
    Args.notNull(now, "now");
    return jdbc.call(op("tryAcquireLease", id, null), c -> leases.acquire(c, id, owner, now, now.plus(ttl)));
  }

  @Override
  public Optional<Lease> renewLease(Lease lease, Duration ttl, Instant now) {
    Args.notNull(lease, "lease");
    Args.positive(ttl, "ttl");
    Args.notNull(now, "now");
    return jdbc.call(
        op("renewLease", lease.connectionId(), null), c -> leases.renew(c, lease, now, now.plus(ttl)));
  }

  @Override
  public boolean releaseLease(Lease lease) {
    Args.notNull(lease, "lease");
    return jdbc.call(op("releaseLease", lease.connectionId(), null), c -> leases.release(c, lease));
  }

  @Override
  public Optional<Lease> currentLease(String connectionId) {
    String id = id(connectionId);
    return jdbc.call(op("currentLease", id, null), c -> leases.current(c, id));
  }

  // ---- fenced writes -----------------------------------------------------------------------

  /**
   * {@inheritDoc}
   *
   * <p>One transaction: the lease and connection rows are locked ({@code SELECT ... FOR SHARE}) and
   * checked, then the states, removals, cursor, flag and run are written. A takeover, renewal or
   * status change by another node waits until the transaction ends, or the commit sees it and
   * writes nothing. Puts are applied before removals: a key in both is removed.
   */
  @Override
  public boolean commit(Lease lease, Checkpoint checkpoint) {
    Args.notNull(lease, "lease");
    Args.notNull(checkpoint, "checkpoint");
    String id = id(lease.connectionId());
    return jdbc.transaction(op("commit", id, null), c -> {
      if (!leases.fence(c, lease)) {
        return false;
      }
      states.upsert(c, id, checkpoint.puts());
      states.remove(c, id, checkpoint.removals());
      if (checkpoint.cursor().isPresent()) {
        connections.saveCursor(c, id, checkpoint.cursor().get());
      }
      if (checkpoint.fullSyncDoneAt().isPresent()) {
        connections.markFullSyncDone(c, id, checkpoint.fullSyncDoneAt().get());
      }
      if (checkpoint.run().isPresent()) {
        runs.record(c, id, checkpoint.run().get());
      }
      return true;
    });
  }

  // ---- sync runs ---------------------------------------------------------------------------

  @Override
  public void recordRun(String connectionId, SyncRunRecord run) {
    String id = id(connectionId);
    Args.notNull(run, "run");
    jdbc.transaction(op("recordRun", id, null), c -> {
      runs.record(c, id, run);
      return null;
    });
  }

  @Override
  public List<SyncRunRecord> recentRuns(String connectionId, int limit) {
    String id = id(connectionId);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, was " + limit);
    }
    return jdbc.call(op("recentRuns", id, null), c -> runs.recent(c, id, limit));
  }

  // ---- webhook de-duplication --------------------------------------------------------------

  /**
   * {@inheritDoc}
   *
   * <p>Remembered for {@link Builder#eventRetention(Duration)} (7 days unless set).
   */
  @Override
  public boolean markEventSeen(String scope, String eventId, Instant now) {
    Args.notBlank(scope, "scope");
    Args.notBlank(eventId, "eventId");
    Args.notNull(now, "now");
    return jdbc.call("markEventSeen", c -> events.mark(c, scope, eventId, now));
  }

  @Override
  public String toString() {
    return "JdbcStore[" + tables + "]";
  }

  private static String id(String connectionId) {
    return Jdbc.text(Args.notBlank(connectionId, "connectionId"), "connectionId");
  }

  private static String op(String what, String connectionId, Provider provider) {
    return what + " of connection '" + connectionId + "'" + (provider == null ? "" : " (" + provider + ")");
  }

  private static <T> List<T> nonNullElements(Collection<? extends T> values, String name) {
    Args.notNull(values, name);
    List<T> copy = new ArrayList<>(values.size());
    for (T v : values) {
      copy.add(Args.notNull(v, name + " element"));
    }
    return copy;
  }

  /** Configures and opens a {@link JdbcStore}. */
  public static final class Builder {
    private DataSource dataSource;
    private String schema;
    private String tablePrefix = "qbmc_";
    private int recentRunsKept = 20;
    private Duration eventRetention = Duration.ofDays(7);
    private int batchSize = 5_000;
    private boolean migrate = true;

    private Builder() {}

    /**
     * Sets the data source (required): normally the host's connection pool. Each store call takes
     * one connection and gives it back before returning.
     *
     * @param dataSource the data source
     * @return this builder
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Args.notNull(dataSource, "dataSource");
      return this;
    }

    /**
     * Sets the schema of the tables, created on migration if absent.
     *
     * @param schema a lower-case identifier ({@code [a-z_][a-z0-9_]*}); default: none, the
     *     connection's current schema ({@code search_path})
     * @return this builder
     */
    public Builder schema(String schema) {
      Tables.of(Args.notNull(schema, "schema"), tablePrefix);
      this.schema = schema;
      return this;
    }

    /**
     * Sets the prefix of the table names, so that several stores can share one schema.
     *
     * @param tablePrefix empty or a lower-case identifier ({@code [a-z_][a-z0-9_]*}, at most 32
     *     characters); default {@code qbmc_}
     * @return this builder
     */
    public Builder tablePrefix(String tablePrefix) {
      Tables.of(schema, Args.notNull(tablePrefix, "tablePrefix"));
      this.tablePrefix = tablePrefix;
      return this;
    }

    /**
     * Sets how many sync runs are kept per connection (the most recent by start time).
     *
     * @param recentRunsKept at least 10; default 20
     * @return this builder
     */
    public Builder recentRunsKept(int recentRunsKept) {
      if (recentRunsKept < 10) {
        throw new IllegalArgumentException("recentRunsKept must be at least 10, was " + recentRunsKept);
      }
      this.recentRunsKept = recentRunsKept;
      return this;
    }

    /**
     * Sets how long webhook event ids are remembered.
     *
     * @param eventRetention at least 24 hours; default 7 days
     * @return this builder
     */
    public Builder eventRetention(Duration eventRetention) {
      Args.notNull(eventRetention, "eventRetention");
      if (eventRetention.compareTo(Duration.ofHours(24)) < 0) {
        throw new IllegalArgumentException("eventRetention must be at least 24 hours");
      }
      this.eventRetention = eventRetention;
      return this;
    }

    /**
     * Sets how many record states one statement writes or asks for at most.
     *
     * @param batchSize 1 to 50,000; default 5,000
     * @return this builder
     */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1 || batchSize > 50_000) {
        throw new IllegalArgumentException("batchSize must be between 1 and 50,000, was " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /**
     * Sets whether {@link #build()} applies missing schema migrations (default) or only checks that
     * the schema is at the version this qbmc needs (when the host runs {@link #migrationScripts()}
     * with its own tool).
     *
     * @param migrate true to migrate on open
     * @return this builder
     */
    public Builder migrate(boolean migrate) {
      this.migrate = migrate;
      return this;
    }

    /**
     * The schema migrations for the configured schema and prefix, for hosts that apply them with
     * their own tool: one script per version, oldest first, each to run in one transaction. Each
     * records itself in {@code <prefix>schema_history}, which {@link #build()} checks.
     *
     * @return the SQL scripts
     */
    public List<String> migrationScripts() {
      return new Migrations(Tables.of(schema, tablePrefix), new JdbcFailures()).scripts();
    }

    /**
     * Opens the store: migrates the schema (or checks it, with {@code migrate(false)}).
     *
     * @return the store
     * @throws StoreSchemaException if the schema is missing, newer than this qbmc, or altered
     * @throws StoreDatabaseException if the database fails
     */
    public JdbcStore build() {
      Args.notNull(dataSource, "dataSource");
      Tables tables = Tables.of(schema, tablePrefix);
      JdbcStore store = new JdbcStore(this, tables);
      Migrations migrations = new Migrations(tables, store.jdbc.failures());
      if (migrate) {
        store.jdbc.transaction("migrate " + tables, c -> {
          migrations.migrate(c);
          return null;
        });
      } else {
        store.jdbc.call("check the schema of " + tables, c -> {
          migrations.verify(c);
          return null;
        });
      }
      return store;
    }
  }
}
