package dev.qbmc.core.spi;

import dev.qbmc.core.internal.QbmcStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where the next incremental sync of a connection starts: the QBO Change Data Capture time to pass
 * as {@code changedSince}, and when the last full sync finished (QBO CDC looks back at most 30 days;
 * an older cursor calls for a full read).
 */
@Value.Immutable(builder = false)
@QbmcStyle
public abstract class SyncCursor {

  SyncCursor() {}

  /**
   * The {@code changedSince} time for the next CDC request (the {@code time} of the last CDC
   * response, or the start of the last full read).
   *
   * @return the instant, or empty before the first sync
   */
  @Value.Parameter
  public abstract Optional<Instant> changedSince();

  /**
   * When the last full sync finished.
   *
   * @return the instant, or empty when no full sync has finished yet
   */
  @Value.Parameter
  public abstract Optional<Instant> lastFullSyncAt();

  /**
   * Creates a cursor.
   *
   * @param changedSince the next CDC {@code changedSince}, or null
   * @param lastFullSyncAt when the last full sync finished, or null
   * @return the cursor
   */
  public static SyncCursor of(Instant changedSince, Instant lastFullSyncAt) {
    return ImmutableSyncCursor.of(
        Optional.ofNullable(changedSince), Optional.ofNullable(lastFullSyncAt));
  }

  /**
   * Returns a copy with a new {@code changedSince}.
   *
   * @param changedSince the next CDC {@code changedSince}
   * @return the new cursor
   */
  public SyncCursor withChangedSince(Instant changedSince) {
    return of(changedSince, lastFullSyncAt().orElse(null));
  }
}
