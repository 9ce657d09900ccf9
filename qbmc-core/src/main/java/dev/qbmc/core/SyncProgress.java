package dev.qbmc.core;

import java.util.Objects;

/**
 * A progress event of a running sync.
 *
 * @param connectionId the connection being synced
 * @param phase the current phase
 * @param done records processed in this phase so far
 * @param total records this phase will process (as QBO counted them when the phase began), or {@code -1} when not known in advance
 */
public record SyncProgress(String connectionId, SyncPhase phase, long done, long total) {

  /**
   * Validates the event.
   *
   * @param connectionId the connection being synced
   * @param phase the current phase
   * @param done records processed in this phase so far
   * @param total records this phase will process (as QBO counted them when the phase began), or
   *     {@code -1} when not known in advance
   * @throws NullPointerException if the connection id or phase is null
   */
  public SyncProgress {
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(phase, "phase");
  }
}
