package dev.qbmc.core.store;

import dev.qbmc.core.internal.store.Args;
import dev.qbmc.core.internal.store.ConnectionTable;
import dev.qbmc.core.internal.store.LeaseTable;
import dev.qbmc.core.internal.store.SeenEvents;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.spi.Checkpoint;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.spi.Lease;
import dev.qbmc.core.spi.SyncCursor;
import dev.qbmc.core.spi.SyncRunRecord;
import dev.qbmc.core.spi.SyncStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A {@link SyncStateStore} in memory: thread-safe (one lock per store), lost when the JVM exits.
 * For tests and short-lived hosts. Bounds of runs and webhook event ids: {@link StoreLimits}.
 */
public final class InMemorySyncStateStore implements SyncStateStore {

  private final StoreLimits limits;
  private final Map<String, ConnectionTable> tables = new TreeMap<>();
  private final Map<String, SeenEvents> events = new HashMap<>();

  /** Creates an empty store with {@link StoreLimits#defaults()}. */
  public InMemorySyncStateStore() {
    this(StoreLimits.defaults());
  }

  /**
   * Creates an empty store.
   *
   * @param limits the bounds of runs and webhook event ids
   */
  public InMemorySyncStateStore(StoreLimits limits) {
    this.limits = Args.notNull(limits, "limits");
  }

  private ConnectionTable table(String connectionId) {
    return tables.computeIfAbsent(
        Args.notBlank(connectionId, "connectionId"), id -> new ConnectionTable());
  }

  @Override
  public synchronized void saveConnection(Connection connection) {
    Args.notNull(connection, "connection");
    table(connection.connectionId()).connection(connection);
  }

  @Override
  public synchronized Optional<Connection> connection(String connectionId) {
    Args.notBlank(connectionId, "connectionId");
    ConnectionTable t = tables.get(connectionId);
    return Optional.ofNullable(t == null ? null : t.connection());
  }

  @Override
  public synchronized List<Connection> connections() {
    return tables.values().stream()
        .map(ConnectionTable::connection)
        .filter(c -> c != null)
        .sorted(Comparator.comparing(Connection::connectionId))
        .toList();
  }

  @Override
  public synchronized void deleteConnection(String connectionId) {
    ConnectionTable deleted = tables.remove(Args.notBlank(connectionId, "connectionId"));
    if (deleted != null && deleted.lastLeaseToken() > 0) {
      ConnectionTable tokensOnly = new ConnectionTable(); // lease tokens keep increasing
      tokensOnly.lastLeaseToken(deleted.lastLeaseToken());
      tables.put(connectionId, tokensOnly);
    }
  }

  @Override
  public synchronized Optional<SyncCursor> cursor(String connectionId) {
    Args.notBlank(connectionId, "connectionId");
    ConnectionTable t = tables.get(connectionId);
    return Optional.ofNullable(t == null ? null : t.cursor());
  }


  @Override
  public synchronized Map<RecordKey, RecordState> states(
      String connectionId, Collection<RecordKey> keys) {
    Args.notNull(keys, "keys");
    ConnectionTable t = tables.get(Args.notBlank(connectionId, "connectionId"));
    return t == null ? new HashMap<>() : t.get(keys);
  }

  @Override
  public synchronized void clearSyncState(String connectionId) {
    ConnectionTable t = tables.get(Args.notBlank(connectionId, "connectionId"));
    if (t != null) {
      t.clearSyncState();
    }
  }

  @Override
  public synchronized Stream<RecordState> streamStates(String connectionId, RecordKind kind) {
    Args.notNull(kind, "kind");
    ConnectionTable t = tables.get(Args.notBlank(connectionId, "connectionId"));
    return t == null ? Stream.empty() : t.snapshot(kind);
  }

  @Override
  public synchronized long countStates(String connectionId, RecordKind kind) {
    Args.notNull(kind, "kind");
    ConnectionTable t = tables.get(Args.notBlank(connectionId, "connectionId"));
    return t == null ? 0 : t.count(kind);
  }

  @Override
  public synchronized Optional<Lease> tryAcquireLease(
      String connectionId, String owner, Duration ttl, Instant now) {
    ConnectionTable t = table(connectionId);
    Optional<Lease> lease =
        LeaseTable.acquire(t.lease(), t.lastLeaseToken(), connectionId, owner, ttl, now);
    lease.ifPresent(t::lease);
    return lease;
  }

  @Override
  public synchronized Optional<Lease> renewLease(Lease lease, Duration ttl, Instant now) {
    Args.notNull(lease, "lease");
    ConnectionTable t = table(lease.connectionId());
    Optional<Lease> renewed = LeaseTable.renew(t.lease(), lease, ttl, now);
    renewed.ifPresent(t::lease);
    return renewed;
  }

  @Override
  public synchronized boolean releaseLease(Lease lease) {
    Args.notNull(lease, "lease");
    ConnectionTable t = tables.get(lease.connectionId());
    if (t == null || !LeaseTable.isHeld(t.lease(), lease)) {
      return false;
    }
    t.lease(null);
    return true;
  }

  @Override
  public synchronized Optional<Lease> currentLease(String connectionId) {
    ConnectionTable t = tables.get(Args.notBlank(connectionId, "connectionId"));
    return Optional.ofNullable(t == null ? null : t.lease());
  }

  @Override
  public synchronized boolean commit(Lease lease, Checkpoint checkpoint) {
    Args.notNull(lease, "lease");
    Args.notNull(checkpoint, "checkpoint");
    ConnectionTable t = tables.get(lease.connectionId());
    if (t == null || !t.admits(lease)) {
      return false;
    }
    t.apply(checkpoint, limits.recentRunsKept());
    return true;
  }

  @Override
  public synchronized void recordRun(String connectionId, SyncRunRecord run) {
    Args.notNull(run, "run");
    table(connectionId).recordRun(run, limits.recentRunsKept());
  }

  @Override
  public synchronized List<SyncRunRecord> recentRuns(String connectionId, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, was " + limit);
    }
    ConnectionTable t = tables.get(Args.notBlank(connectionId, "connectionId"));
    return t == null ? List.of() : t.recent(limit);
  }

  @Override
  public synchronized boolean markEventSeen(String scope, String eventId, Instant now) {
    Args.notBlank(scope, "scope");
    return events
        .computeIfAbsent(
            scope, s -> new SeenEvents(limits.eventRetention(), limits.maxEventsPerScope()))
        .mark(eventId, now);
  }

  @Override
  public String toString() {
    return "InMemorySyncStateStore";
  }
}
