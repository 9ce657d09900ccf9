package dev.qbmc.core.spi;

import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything qbmc remembers between syncs, per connection: the {@link Connection} and its settings,
 * the change {@link SyncCursor}, the state of every synced record (fingerprint and Mailchimp id),
 * a {@link Lease} so that only one sync of a connection runs at a time, the recent sync runs, and
 * the webhook event ids already handled.
 *
 * <p>A sync run writes its state only through {@link #commit}: record states, removals, the cursor,
 * the end of the first full sync and the run record, in one atomic write that the store refuses
 * unless the run still holds the connection's {@link Lease} and the connection is still {@link
 * ConnectionStatus#CONNECTED} (fencing). A run that lost its lease, or whose connection was paused
 * or disconnected meanwhile, can therefore write nothing more.
 *
 * <p>Implementations must be thread-safe. Each call is atomic: other calls see all of its writes or
 * none. Time is always passed in; stores never read a clock. Contract: {@code
 * SyncStateStoreContractTest} in the qbmc-core test jar.
 */
public interface SyncStateStore {

  // ---- connections -------------------------------------------------------------------------

  /**
   * Inserts or replaces a connection (by {@link Connection#connectionId()}).
   *
   * @param connection the connection
   */
  void saveConnection(Connection connection);

  /**
   * Loads a connection.
   *
   * @param connectionId the connection id
   * @return the connection, or empty when unknown
   */
  Optional<Connection> connection(String connectionId);

  /**
   * Lists every stored connection, ordered by connection id.
   *
   * @return the connections
   */
  List<Connection> connections();

  /**
   * Finds the connections of a QBO realm (webhooks name realms, not connections). Normally at most
   * one is {@link ConnectionStatus#CONNECTED}.
   *
   * <p>The default filters {@link #connections()}; a store with many connections may override it
   * with an index.
   *
   * @param realmId the realm id
   * @return the realm's connections, ordered by connection id
   * @throws NullPointerException if the realm id is null
   * @throws IllegalArgumentException if the realm id is blank
   */
  default List<Connection> connectionsByRealm(String realmId) {
    Objects.requireNonNull(realmId, "realmId must not be null");
    if (realmId.isBlank()) {
      throw new IllegalArgumentException("realmId must not be blank");
    }
    return connections().stream().filter(c -> c.realmId().equals(realmId)).toList();
  }

  /**
   * Deletes a connection with everything stored for it here (cursor, record states, lease, runs).
   * Deleting an unknown connection does nothing. Tokens live in the {@link TokenStore} and are not
   * touched.
   *
   * @param connectionId the connection id
   */
  void deleteConnection(String connectionId);

  /**
   * Forgets a connection's sync state: its cursor and every record state, atomically (the
   * connection, its run history and its lease token counter stay). Used by disconnect, after the
   * running sync stopped, so that a reconnect starts with a full sync. Not fenced; forgetting an
   * unknown connection's state does nothing.
   *
   * @param connectionId the connection id
   */
  void clearSyncState(String connectionId);

  // ---- cursors -----------------------------------------------------------------------------

  /**
   * Loads the change cursor of a connection.
   *
   * @param connectionId the connection id
   * @return the cursor, or empty before the first sync
   */
  Optional<SyncCursor> cursor(String connectionId);

  // ---- record states -----------------------------------------------------------------------

  /**
   * Loads the states of the given records.
   *
   * @param connectionId the connection id
   * @param keys the records
   * @return the states found, by key; records without a state are absent
   */
  Map<RecordKey, RecordState> states(String connectionId, Collection<RecordKey> keys);

  /**
   * Streams the states of one kind of record, in no particular order. The stream may hold
   * resources: close it (try-with-resources). It reflects the states at the time of the call.
   *
   * @param connectionId the connection id
   * @param kind the kind of record
   * @return the states
   */
  Stream<RecordState> streamStates(String connectionId, RecordKind kind);

  /**
   * Counts the states of one kind of record.
   *
   * @param connectionId the connection id
   * @param kind the kind of record
   * @return the number of states
   */
  long countStates(String connectionId, RecordKind kind);

  // ---- lease -------------------------------------------------------------------------------

  /**
   * Acquires the connection's lease if nobody holds it or the holder's lease has expired at {@code
   * now} (takeover). A lease that has not expired is never granted again, not even to the same
   * owner.
   *
   * @param connectionId the connection id
   * @param owner who acquires it; non-blank
   * @param ttl how long it lasts unless renewed; positive
   * @param now the current time
   * @return the new lease, or empty when another lease is still valid
   */
  Optional<Lease> tryAcquireLease(String connectionId, String owner, Duration ttl, Instant now);

  /**
   * Extends a lease to {@code now + ttl}, provided nobody took it over: the stored lease must have
   * the same token and owner and must not have expired at {@code now}.
   *
   * @param lease the lease held
   * @param ttl the new time to live from {@code now}; positive
   * @param now the current time
   * @return the renewed lease (same token), or empty when it was lost
   */
  Optional<Lease> renewLease(Lease lease, Duration ttl, Instant now);

  /**
   * Gives a lease back, provided it is still the stored one (same token and owner); otherwise does
   * nothing.
   *
   * @param lease the lease held
   * @return true when released; false when it had already been taken over or released
   */
  boolean releaseLease(Lease lease);

  /**
   * The connection's lease as stored, possibly expired; empty when none is held (released or never
   * taken). For status displays and for disconnect's wait for a running sync.
   *
   * @param connectionId the connection id
   * @return the lease, or empty
   */
  Optional<Lease> currentLease(String connectionId);

  // ---- fenced writes -----------------------------------------------------------------------

  /**
   * Applies a checkpoint atomically and durably, if and only if (a) {@code lease} is the
   * connection's current lease (same token and owner as stored; expiry is not checked: a lease
   * nobody replaced is still the latest) and (b) the connection exists with status {@link
   * ConnectionStatus#CONNECTED}.
   *
   * <p>Within the checkpoint, {@link Checkpoint#puts()} are applied in order (if one key appears
   * twice, the later state wins), then {@link Checkpoint#removals()} (absent keys are ignored): a
   * key both put and removed ends removed. The cursor, the full-sync flag and the run record are
   * written with the states. After a crash a store shows the whole checkpoint or none of it; a
   * store that cannot (the {@code FileStore}) must document a write order in which the states
   * come first, so that the cursor is never ahead of the states it completes. An empty checkpoint
   * writes nothing and tells whether the lease and the connection still allow writing.
   *
   * @param lease the lease the run holds
   * @param checkpoint what to write
   * @return true when written; false when refused (stale lease, lease released, connection paused,
   *     disconnected, needs re-authorisation or deleted): then nothing at all is written
   * @throws NullPointerException if the lease or the checkpoint is null
   */
  boolean commit(Lease lease, Checkpoint checkpoint);

  // ---- sync runs ---------------------------------------------------------------------------

  /**
   * Inserts or replaces (by run id) a sync run, unfenced: run records are history keyed by a unique
   * run id, so a stale run cannot clobber anything; a run that lost its lease records its run this
   * way (a run whose lease is current records its final run inside its last {@link #commit}
   * instead). The store keeps the most recent runs only (by
   * start time; implementations document how many, at least 10).
   *
   * @param connectionId the connection id
   * @param run the run
   */
  void recordRun(String connectionId, SyncRunRecord run);

  /**
   * Lists the most recent sync runs, newest start first.
   *
   * @param connectionId the connection id
   * @param limit the maximum number returned; positive
   * @return the runs
   */
  List<SyncRunRecord> recentRuns(String connectionId, int limit);

  // ---- webhook de-duplication --------------------------------------------------------------

  /**
   * Marks a webhook event as seen. Event ids are remembered per scope (a connection id or a realm
   * id, as the caller chooses) for a bounded time and number (implementations document the
   * bounds, at least 24 hours), so a redelivered event is recognised.
   *
   * @param scope the connection or realm the event belongs to
   * @param eventId the event id
   * @param now the current time
   * @return true the first time; false when the event was already seen and is still remembered
   */
  boolean markEventSeen(String scope, String eventId, Instant now);
}
