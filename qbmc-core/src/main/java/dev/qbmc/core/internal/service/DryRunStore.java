package dev.qbmc.core.internal.service;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What a dry run reads: the stored states with the states it would have committed laid over them
 * (in memory, for this run only), so that a later chunk plans against the earlier chunks' outcome
 * exactly as the real run does (orders whose customers the same run would create, contacts shared
 * across chunks). Its commits go to the overlay; nothing reaches the real store, whose other writes
 * are refused.
 */
final class DryRunStore implements SyncStateStore {
  private final SyncStateStore real;
  /** The states the run would have put (present) or removed (empty). */
  private final Map<RecordKey, Optional<RecordState>> overlay = new ConcurrentHashMap<>();

  DryRunStore(SyncStateStore real) {
    this.real = real;
  }

  @Override
  public Map<RecordKey, RecordState> states(String connectionId, Collection<RecordKey> keys) {
    Map<RecordKey, RecordState> found =
        new HashMap<>(real.states(connectionId, keys.stream().filter(k -> !overlay.containsKey(k)).toList()));
    for (RecordKey key : keys) {
      Optional<RecordState> laid = overlay.get(key);
      if (laid != null) {
        laid.ifPresent(state -> found.put(key, state));
      }
    }
    return found;
  }

  @Override
  public Stream<RecordState> streamStates(String connectionId, RecordKind kind) {
    List<RecordState> laid = overlay.values().stream().flatMap(Optional::stream)
        .filter(s -> s.key().kind() == kind).toList();
    return Stream.concat(real.streamStates(connectionId, kind).filter(s -> !overlay.containsKey(s.key())),
        laid.stream());
  }

  @Override
  public long countStates(String connectionId, RecordKind kind) {
    try (Stream<RecordState> states = streamStates(connectionId, kind)) {
      return states.count();
    }
  }

  /** Lays the checkpoint's states over the stored ones; writes nothing to the real store. */
  @Override
  public boolean commit(Lease lease, Checkpoint checkpoint) {
    checkpoint.puts().forEach(state -> overlay.put(state.key(), Optional.of(state)));
    checkpoint.removals().forEach(key -> overlay.put(key, Optional.empty()));
    return true;
  }

  @Override
  public Optional<Connection> connection(String connectionId) {
    return real.connection(connectionId);
  }

  @Override
  public List<Connection> connections() {
    return real.connections();
  }

  @Override
  public Optional<SyncCursor> cursor(String connectionId) {
    return real.cursor(connectionId);
  }

  @Override
  public Optional<Lease> currentLease(String connectionId) {
    return real.currentLease(connectionId);
  }

  @Override
  public List<SyncRunRecord> recentRuns(String connectionId, int limit) {
    return real.recentRuns(connectionId, limit);
  }

  @Override
  public void saveConnection(Connection connection) {
    throw refused();
  }

  @Override
  public void deleteConnection(String connectionId) {
    throw refused();
  }

  @Override
  public void clearSyncState(String connectionId) {
    throw refused();
  }

  @Override
  public Optional<Lease> tryAcquireLease(String connectionId, String owner, Duration ttl, Instant now) {
    throw refused();
  }

  @Override
  public Optional<Lease> renewLease(Lease lease, Duration ttl, Instant now) {
    throw refused();
  }

  @Override
  public boolean releaseLease(Lease lease) {
    throw refused();
  }

  @Override
  public void recordRun(String connectionId, SyncRunRecord run) {
    throw refused();
  }

  @Override
  public boolean markEventSeen(String scope, String eventId, Instant now) {
    throw refused();
  }

  private static UnsupportedOperationException refused() {
    return new UnsupportedOperationException("a dry run writes nothing to the store");
  }
}
