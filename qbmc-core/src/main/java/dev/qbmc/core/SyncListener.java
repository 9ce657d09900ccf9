package dev.qbmc.core;

import dev.qbmc.core.report.SyncReport;

/**
 * Receives progress while syncs run and the report when each ends. Called on the syncing thread:
 * return quickly. Exceptions thrown by a listener are logged and ignored.
 */
public interface SyncListener {

  /**
   * A sync made progress.
   *
   * @param progress the event
   */
  default void onProgress(SyncProgress progress) {}

  /**
   * A sync ended (successfully, partially or with failures).
   *
   * @param report its report
   */
  default void onFinished(SyncReport report) {}

  /**
   * A listener that ignores everything.
   *
   * @return the listener
   */
  static SyncListener none() {
    return new SyncListener() {};
  }
}
