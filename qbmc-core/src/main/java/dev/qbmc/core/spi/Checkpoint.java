package dev.qbmc.core.spi;

import dev.qbmc.core.internal.QbmcStyle;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One atomic, fenced write of a sync run ({@link SyncStateStore#commit}): record states to insert or
 * replace and to remove, and optionally the change cursor they complete, the end of the first full
 * sync and the run record. Every part is optional; the store writes all of it or nothing.
 *
 * <p>Puts are applied in order (if one key appears twice, the later state wins), then removals
 * (absent keys are ignored): a key that is both put and removed ends removed.
 *
 * <pre>{@code
 * Checkpoint last = Checkpoint.builder()
 *     .addAllPuts(confirmed)          // states Mailchimp confirmed
 *     .addAllRemovals(deleted)        // records deleted in Mailchimp
 *     .cursor(SyncCursor.of(next, fullSyncAt))
 *     .run(SyncRunRecord.of(report))
 *     .build();
 * if (!store.commit(lease, last)) {
 *   // lease lost or connection no longer CONNECTED: nothing was written, stop
 * }
 * }</pre>
 */
@Value.Immutable
@QbmcStyle
public abstract class Checkpoint {

  Checkpoint() {}

  /**
   * Record states to insert or replace, applied in order before the {@link #removals()}; if one key
   * appears twice, the later state wins.
   *
   * @return the states
   */
  public abstract List<RecordState> puts();

  /**
   * Record states to remove, applied after the {@link #puts()} (a key in both ends removed); absent
   * keys are ignored.
   *
   * @return the keys
   */
  public abstract List<RecordKey> removals();

  /**
   * The change cursor these states complete; written together with them, so the cursor never moves
   * ahead of the states.
   *
   * @return the cursor, or empty to leave it unchanged
   */
  public abstract Optional<SyncCursor> cursor();

  /**
   * When the connection's first full sync finished: sets {@link Connection#fullSyncDone()} and
   * {@link Connection#updatedAt()} to this instant.
   *
   * @return the instant, or empty to leave the connection unchanged
   */
  public abstract Optional<Instant> fullSyncDoneAt();

  /**
   * The run record (inserted or replaced by run id, as by {@link SyncStateStore#recordRun}), written
   * together with what it confirms.
   *
   * @return the run, or empty
   */
  public abstract Optional<SyncRunRecord> run();

  /**
   * Whether there is nothing to write.
   *
   * @return true when every part is empty
   */
  public boolean isEmpty() {
    return puts().isEmpty()
        && removals().isEmpty()
        && cursor().isEmpty()
        && fullSyncDoneAt().isEmpty()
        && run().isEmpty();
  }

  /**
   * Starts a builder; every part is optional.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return ImmutableCheckpoint.builder();
  }

  /** Builds a {@link Checkpoint}. */
  public interface Builder {
    /**
     * Adds a state to insert or replace.
     *
     * @param state the state
     * @return this builder
     */
    Builder addPuts(RecordState state);

    /**
     * Adds states to insert or replace.
     *
     * @param states the states
     * @return this builder
     */
    Builder addPuts(RecordState... states);

    /**
     * Adds states to insert or replace.
     *
     * @param states the states
     * @return this builder
     */
    Builder addAllPuts(Iterable<? extends RecordState> states);

    /**
     * Adds a state to remove.
     *
     * @param key the record
     * @return this builder
     */
    Builder addRemovals(RecordKey key);

    /**
     * Adds states to remove.
     *
     * @param keys the records
     * @return this builder
     */
    Builder addRemovals(RecordKey... keys);

    /**
     * Adds states to remove.
     *
     * @param keys the records
     * @return this builder
     */
    Builder addAllRemovals(Iterable<? extends RecordKey> keys);

    /**
     * Sets the cursor.
     *
     * @param cursor the cursor
     * @return this builder
     */
    Builder cursor(SyncCursor cursor);

    /**
     * Sets when the first full sync finished.
     *
     * @param fullSyncDoneAt the instant
     * @return this builder
     */
    Builder fullSyncDoneAt(Instant fullSyncDoneAt);

    /**
     * Sets the run record.
     *
     * @param run the run
     * @return this builder
     */
    Builder run(SyncRunRecord run);

    /**
     * Builds the checkpoint.
     *
     * @return the checkpoint
     */
    Checkpoint build();
  }
}
