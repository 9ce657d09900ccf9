package dev.qbmc.core.internal.service;

import dev.qbmc.core.ConnectionNotActiveException;
import dev.qbmc.core.QbmcException;
import dev.qbmc.core.SyncAlreadyRunningException;
import dev.qbmc.core.SyncOptions;
import dev.qbmc.core.SyncPhase;
import dev.qbmc.core.SyncProgress;
import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.model.SyncMode;
import dev.qbmc.core.model.SyncOutcome;
import dev.qbmc.core.report.SyncFailure;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.core.report.SyncReportCollector;
import dev.qbmc.core.spi.Checkpoint;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.spi.Lease;
import dev.qbmc.core.spi.SyncCursor;
import dev.qbmc.core.spi.SyncRunRecord;
import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.mailchimp.MailchimpException;
import dev.qbmc.quickbooks.QuickBooksClient;
import dev.qbmc.quickbooks.QuickBooksException;
import dev.qbmc.quickbooks.oauth.ReauthorizationRequiredException;
import dev.qbmc.quickbooks.webhook.WebhookEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs syncs: holds the connection's lease for the whole run, chooses full or incremental reading,
 * flags the store {@code is_syncing} during the first backfill, advances the change cursor only
 * when every record was written, records the run and reports it.
 *
 * <p>The run's state is written only by fenced commits: each chunk's states, then one last commit
 * with the cursor, the end of the first full sync and the run record. When the store refuses a
 * commit (lease taken over, connection paused or disconnected) the run stops writing and ends with
 * a {@link SyncOutcome#FAILED} report whose failure code is {@value #LEASE_LOST} or {@value
 * #CONNECTION_NOT_ACTIVE}; its run record is then kept unfenced.
 */
public final class SyncService {
  /** Change Data Capture looks back 30 days; a cursor closer than this to the edge reads in full. */
  static final Duration CDC_WINDOW = Duration.ofDays(30).minusHours(1);
  /** A full read's cursor starts this long before the read, to absorb clock differences with QBO. */
  static final Duration CURSOR_MARGIN = Duration.ofMinutes(5);
  /** Change Data Capture returns at most this many objects; a list this long may be cut short. */
  static final int TRUNCATION = 1000;
  /** Failure code of a run stopped because another run took its lease over. */
  static final String LEASE_LOST = "LEASE_LOST";
  /** Failure code of a run stopped because its connection was paused, disconnected or deleted. */
  static final String CONNECTION_NOT_ACTIVE = "CONNECTION_NOT_ACTIVE";
  /** Failure code of a run stopped because its {@code Qbmc} was closed. */
  public static final String CLOSED = "QBMC_CLOSED";

  private final ServiceContext ctx;

  /**
   * Creates the service.
   *
   * @param ctx the shared context
   */
  public SyncService(ServiceContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Syncs a connection.
   *
   * @param connectionId the connection
   * @param options the options
   * @return the report
   */
  public SyncReport sync(String connectionId, SyncOptions options) {
    return withLease(connectionId, options.waitForLease(), (connection, lease) -> runSync(connection, lease, options));
  }

  /**
   * Syncs the records named by webhook events (no cursor change: Change Data Capture stays the
   * source of truth, webhooks only make changes arrive sooner).
   *
   * @param connectionId the connection
   * @param events the events of this connection's realm
   * @return the report
   * @throws SyncAlreadyRunningException at once when a sync of the connection holds the lease (no wait)
   */
  public SyncReport targeted(String connectionId, List<WebhookEvent> events) {
    return withLease(connectionId, Optional.empty(), (connection, lease) -> runTargeted(connection, lease, events));
  }

  private interface LeasedWork {
    SyncReport run(Connection connection, RunControl control);
  }

  private SyncReport withLease(String connectionId, Optional<Duration> wait, LeasedWork work) {
    Connection connection = ctx.connection(connectionId);
    requireConnected(connection);
    Lease lease = acquire(connectionId, wait);
    RunControl control = ctx.keeper.started(lease);
    try {
      connection = ctx.connection(connectionId);
      requireConnected(connection);
      return work.run(connection, control);
    } catch (ReauthorizationRequiredException e) {
      ctx.markNeedsReauthorization(connectionId);
      ConnectionNotActiveException failure =
          new ConnectionNotActiveException(connectionId, ConnectionStatus.NEEDS_REAUTHORIZATION);
      failure.initCause(e);
      throw failure;
    } finally {
      try {
        ctx.state.releaseLease(lease);
      } finally {
        ctx.keeper.ended(control);
      }
    }
  }

  static void requireConnected(Connection connection) {
    if (connection.status() != ConnectionStatus.CONNECTED) {
      throw new ConnectionNotActiveException(connection.connectionId(), connection.status());
    }
  }

  private Lease acquire(String connectionId, Optional<Duration> wait) {
    Instant deadline = ctx.clock.instant().plus(wait.orElse(Duration.ZERO));
    Duration pause = Duration.ofMillis(250);
    while (true) {
      Optional<Lease> lease = ctx.state.tryAcquireLease(connectionId, ctx.owner, ctx.tuning.leaseTtl(), ctx.clock.instant());
      if (lease.isPresent()) {
        return lease.get();
      }
      if (!ctx.clock.instant().isBefore(deadline)) {
        throw new SyncAlreadyRunningException(connectionId);
      }
      try {
        ctx.sleeper.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SyncAlreadyRunningException(connectionId);
      }
      pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : pause.multipliedBy(2);
    }
  }

  private SyncReport runSync(Connection connection, RunControl lease, SyncOptions options) {
    String id = connection.connectionId();
    Instant started = ctx.clock.instant();
    Optional<SyncCursor> cursor = ctx.state.cursor(id);
    Optional<Instant> changedSince = cursor.flatMap(SyncCursor::changedSince);
    boolean full =
        !connection.fullSyncDone()
            || options.forceFullRead()
            || changedSince.isEmpty()
            || changedSince.get().isBefore(started.minus(CDC_WINDOW));
    ApiCallCounter calls = new ApiCallCounter(lease::beat);
    SyncReportCollector report =
        SyncReportCollector.start(id, UUID.randomUUID().toString(), full ? SyncMode.FULL : SyncMode.INCREMENTAL,
            options.dryRun(), started);
    QuickBooksClient qbo = ctx.quickBooksClient(id, connection.realmId(), calls);
    MailchimpClient mailchimp = ctx.mailchimpClient(id, calls);
    SyncRun run = null;
    SyncRun.Reading reading;
    try {
      run = newRun(connection, qbo, mailchimp, report, options.dryRun(), lease);
      reading = run.sync(full, changedSince, started);
    } catch (SyncRun.CommitRefused e) {
      calls.copyTo(report);
      return refused(report, id, e.code());
    } catch (RuntimeException e) {
      return failedRun(id, e, report, calls, run, options.dryRun(), lease);
    }
    Instant nextCursor = reading.nextCursor();
    boolean completed = reading.completed();
    calls.copyTo(report);
    boolean clean = completed && !report.hasFailures();
    Checkpoint.Builder last = Checkpoint.builder();
    if (!options.dryRun() && clean) {
      last.cursor(SyncCursor.of(nextCursor, full ? ctx.clock.instant() : cursor.flatMap(SyncCursor::lastFullSyncAt).orElse(null)));
      if (!connection.fullSyncDone()) {
        last.fullSyncDoneAt(ctx.clock.instant());
      }
    }
    return finish(report, run, options.dryRun(), null, lease, last);
  }

  private SyncReport runTargeted(Connection connection, RunControl lease, List<WebhookEvent> events) {
    String id = connection.connectionId();
    ApiCallCounter calls = new ApiCallCounter(lease::beat);
    SyncReportCollector report =
        SyncReportCollector.start(id, UUID.randomUUID().toString(), SyncMode.WEBHOOK, false, ctx.clock.instant());
    QuickBooksClient qbo = ctx.quickBooksClient(id, connection.realmId(), calls);
    MailchimpClient mailchimp = ctx.mailchimpClient(id, calls);
    SyncRun run = null;
    try {
      run = newRun(connection, qbo, mailchimp, report, false, lease);
      run.targeted(events);
    } catch (SyncRun.CommitRefused e) {
      calls.copyTo(report);
      return refused(report, id, e.code());
    } catch (RuntimeException e) {
      return failedRun(id, e, report, calls, run, false, lease);
    }
    calls.copyTo(report);
    return finish(report, run, false, null, lease, Checkpoint.builder());
  }

  // ---- robust (issue 12): the catch-all. Whatever a run throws (a client failure that outlasted the
  // retries, a malformed response, a bug on one record's path) ends it with a FAILED report and a
  // run record. Only what the caller must act on passes: re-authorisation, a lost lease, an
  // inactive connection.
  private SyncReport failedRun(String connectionId, RuntimeException e, SyncReportCollector report,
      ApiCallCounter calls, SyncRun run, boolean dryRun, RunControl lease) {
    if (e instanceof ReauthorizationRequiredException || e instanceof QbmcException) {
      throw e;
    }
    boolean client = e instanceof QuickBooksException || e instanceof MailchimpException;
    String message = RecordRejection.mask(String.valueOf(e.getMessage()));
    if (!client) {
      System.getLogger(SyncService.class.getName()).log(System.Logger.Level.WARNING,
          "sync of {0} ended by an unexpected {1}: {2}", connectionId, e.getClass().getName(), message);
    }
    report.failed(SyncFailure.general(e.getClass().getSimpleName(), message));
    calls.copyTo(report);
    return finish(report, run, dryRun, SyncOutcome.FAILED, lease, Checkpoint.builder());
  }
  // ---- end robust

  private SyncRun newRun(
      Connection connection, QuickBooksClient qbo, MailchimpClient mailchimp, SyncReportCollector report,
      boolean dryRun, RunControl lease) {
    return new SyncRun(connection, qbo, mailchimp, ctx.state, lease, ctx.clock, ctx.listener, report, dryRun,
        ctx.tuning);
  }

  /**
   * Finishes a run: its last commit writes {@code last} (cursor, end of the first full sync) with the
   * run record; when the store refuses it, the run ends as {@link #refused}.
   */
  private SyncReport finish(
      SyncReportCollector report, SyncRun run, boolean dryRun, SyncOutcome outcome, RunControl lease,
      Checkpoint.Builder last) {
    SyncReport result =
        outcome != null
            ? report.finish(ctx.clock.instant(), outcome)
            : run != null && run.stoppedByContactLimit()
                ? report.finish(ctx.clock.instant(), SyncOutcome.STOPPED_CONTACT_LIMIT)
                : report.finish(ctx.clock.instant());
    if (!dryRun) {
      try {
        lease.commit(last.run(SyncRunRecord.of(result)).build());
      } catch (SyncRun.CommitRefused e) {
        return refused(report, result.connectionId(), e.code());
      }
    }
    return notifyFinished(result);
  }

  /**
   * Ends a run whose commit the store refused: nothing more is written but the run record, which is
   * history keyed by the run id and therefore recorded unfenced.
   */
  private SyncReport refused(SyncReportCollector report, String connectionId, String code) {
    Optional<Connection> connection = ctx.state.connection(connectionId);
    if (code != null && !code.equals(CONNECTION_NOT_ACTIVE) && !code.equals(LEASE_LOST)) {
      report.failed(SyncFailure.general(code, (CLOSED.equals(code) ? "the Qbmc instance was closed"
          : "the run was asked to stop") + "; it stopped writing and committed nothing more"));
    } else if (CONNECTION_NOT_ACTIVE.equals(code) || (!LEASE_LOST.equals(code)
        && (connection.isEmpty() || connection.get().status() != ConnectionStatus.CONNECTED))) {
      report.failed(SyncFailure.general(CONNECTION_NOT_ACTIVE,
          "the connection is " + connection.map(c -> c.status().name()).orElse("deleted")
              + "; the run stopped writing and committed nothing more"));
    } else {
      report.failed(SyncFailure.general(LEASE_LOST,
          "the run lost the connection's lease (another run took it over, or it expired); it stopped"
              + " writing and committed nothing more"));
    }
    SyncReport result = report.finish(ctx.clock.instant(), SyncOutcome.FAILED);
    ctx.state.recordRun(connectionId, SyncRunRecord.of(result));
    return notifyFinished(result);
  }

  private SyncReport notifyFinished(SyncReport result) {
    try {
      ctx.listener.onProgress(new SyncProgress(result.connectionId(), SyncPhase.FINISHED, 0, 0));
      ctx.listener.onFinished(result);
    } catch (RuntimeException e) {
      System.getLogger(SyncService.class.getName())
          .log(System.Logger.Level.WARNING, "sync listener failed: {0}", e.toString());
    }
    return result;
  }
}
