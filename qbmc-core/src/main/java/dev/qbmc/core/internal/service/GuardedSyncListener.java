package dev.qbmc.core.internal.service;

import dev.qbmc.core.SyncListener;
import dev.qbmc.core.SyncProgress;
import dev.qbmc.core.model.Provider;
import dev.qbmc.core.report.EntityCounts;
import dev.qbmc.core.report.SyncReport;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host's {@link SyncListener} as the services see it: it never throws (the first failure of a
 * sync is logged at WARNING, later ones in the same sync are not, so a listener that always fails
 * costs one line per sync, not one per event), and every report it is handed is also logged as one
 * INFO line on the logger {@code dev.qbmc.core.Qbmc}: connection id, run id, mode, outcome, totals,
 * API calls and duration. The line holds no email, name, token or key: counts and ids only.
 */
public final class GuardedSyncListener implements SyncListener {
  /** The logger of the outcome lines. */
  public static final String LOGGER = "dev.qbmc.core.Qbmc";

  private static final Logger LOG = System.getLogger(LOGGER);

  private final SyncListener host;
  /** Connections whose listener already failed in the running sync (one sync per connection at a time). */
  private final Set<String> failed = ConcurrentHashMap.newKeySet();

  /**
   * Guards a listener.
   *
   * @param host the host's listener
   */
  public GuardedSyncListener(SyncListener host) {
    this.host = host;
  }

  @Override
  public void onProgress(SyncProgress progress) {
    try {
      host.onProgress(progress);
    } catch (RuntimeException e) {
      warnOnce(progress.connectionId(), e);
    }
  }

  @Override
  public void onFinished(SyncReport report) {
    try {
      host.onFinished(report);
    } catch (RuntimeException e) {
      warnOnce(report.connectionId(), e);
    }
    logOutcome(report);
    failed.remove(report.connectionId());
  }

  /**
   * Forgets a sync that ended without a report (it threw), so that the next sync of the connection
   * logs its own first listener failure.
   *
   * @param connectionId the connection
   */
  public void syncEnded(String connectionId) {
    failed.remove(connectionId);
  }

  private void warnOnce(String connectionId, RuntimeException e) {
    if (failed.add(connectionId)) {
      LOG.log(Level.WARNING, "the SyncListener threw {0} during a sync of {1}; later failures of this sync are not"
          + " logged", e.getClass().getName(), connectionId);
    }
  }

  private static void logOutcome(SyncReport report) {
    if (!LOG.isLoggable(Level.INFO)) {
      return;
    }
    EntityCounts totals = report.totals();
    LOG.log(Level.INFO, "sync {0} {1}{2} {3} in {4} ms: created {5}, updated {6}, unchanged {7}, deleted {8},"
            + " skipped {9}, failures {10}; API calls QuickBooks {11}, Mailchimp {12}; run {13}",
        report.connectionId(), report.mode(), report.dryRun() ? " (dry run)" : "", report.outcome(),
        Long.toString(report.duration().toMillis()), Long.toString(totals.created()), Long.toString(totals.updated()),
        Long.toString(totals.unchanged()), Long.toString(totals.deleted()), Long.toString(totals.skipped()),
        Integer.toString(report.failures().size()), Long.toString(report.apiCallsTo(Provider.QUICKBOOKS)),
        Long.toString(report.apiCallsTo(Provider.MAILCHIMP)), report.runId());
  }

  @Override
  public String toString() {
    return "GuardedSyncListener[" + host + "]";
  }
}
