package dev.qbmc.core.internal.service;

import dev.qbmc.core.SyncListener;
import dev.qbmc.core.report.SyncReportCollector;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.spi.SyncStateStore;
import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.mailchimp.model.StorePatch;
import dev.qbmc.quickbooks.ChangeSet;
import dev.qbmc.quickbooks.EntityType;
import dev.qbmc.quickbooks.QuickBooksClient;
import dev.qbmc.quickbooks.webhook.WebhookEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * One sync run of one connection, holding its lease: chooses where its records come from (a
 * {@link ReadSource}: the whole company, the change feed, the records changed since the cursor, or
 * the records a webhook named) and drives them through the run's one {@link ChunkPipeline}, which
 * maps, plans, limits, writes and commits them chunk by chunk. During the first full sync it flags
 * the Mailchimp store {@code is_syncing}.
 *
 * <p>Every commit is fenced by the run's lease; before every Mailchimp write the run's {@link
 * RunControl} checks that the run was not asked to stop, that its heartbeat kept the lease, and that
 * the store would still accept its commit. When it refuses (the lease was taken over,
 * or the connection is no longer connected) the run stops at once with {@link CommitRefused}.
 */
final class SyncRun {
  private final Connection connection;
  private final QuickBooksClient qbo;
  private final MailchimpClient mailchimp;
  private final RunControl control;
  private final boolean dryRun;
  private final ChunkPipeline pipeline;

  SyncRun(
      Connection connection,
      QuickBooksClient qbo,
      MailchimpClient mailchimp,
      SyncStateStore store,
      RunControl control,
      Clock clock,
      SyncListener listener,
      SyncReportCollector report,
      boolean dryRun,
      SyncTuning tuning) {
    this.connection = connection;
    this.qbo = qbo;
    this.mailchimp = mailchimp;
    this.control = control;
    this.dryRun = dryRun;
    this.pipeline = new ChunkPipeline(connection, mailchimp, store, control, clock, listener, report, dryRun, tuning);
  }

  /** Where a read ended: the cursor for the next run, and whether it read everything it meant to. */
  record Reading(Instant nextCursor, boolean completed) {}

  /**
   * Reads and applies: everything (first run, forced, cursor too old, or so many deletions that
   * the change set may have lost some), the changes since the cursor, or, when the change set may be
   * truncated, the records queried by their last update. A failure that outlasts the clients' retries ends the run; it
   * is reported with what was written and committed before it, the cursor stays, and the next run
   * repeats the rest idempotently.
   *
   * @param full whether to read the whole company
   * @param changedSince the cursor, present unless {@code full}
   * @param started when the run started
   * @return where the read ended
   */
  Reading sync(boolean full, Optional<Instant> changedSince, Instant started) {
    try {
      Reading reading = read(full, changedSince, started);
      pipeline.drain();
      return reading;
    } finally {
      pipeline.close();
    }
  }

  private Reading read(boolean full, Optional<Instant> changedSince, Instant started) {
    if (full) {
      return new Reading(started.minus(SyncService.CURSOR_MARGIN), fullRead(!connection.fullSyncDone() && !dryRun));
    }
    Instant since = changedSince.orElseThrow();
    OffsetDateTime sinceUtc = since.atOffset(ZoneOffset.UTC);
    ChangeSet changes =
        qbo.changesSince(sinceUtc, EntityType.CUSTOMER, EntityType.ITEM, EntityType.INVOICE, EntityType.SALES_RECEIPT);
    ReadSource source;
    if (changes.possiblyTruncated()) {
      int deleted = changes.deleted(EntityType.INVOICE).size() + changes.deleted(EntityType.SALES_RECEIPT).size();
      if (deleted >= SyncService.TRUNCATION) {
        return new Reading(started.minus(SyncService.CURSOR_MARGIN), fullRead(false));
      }
      source = new ChangedSinceRead(qbo, sinceUtc, changes);
    } else {
      source = new ChangeFeedRead(changes);
    }
    source.feed(pipeline);
    new DueDateRead(qbo, since).feed(pipeline);
    return new Reading(changes.nextChangedSince().toInstant(), true);
  }

  /**
   * Reads the whole company; a first full sync ({@code backfill}) flags the store {@code
   * is_syncing} meanwhile, so that historical orders trigger no order notifications.
   */
  private boolean fullRead(boolean backfill) {
    if (backfill) {
      control.beforeWrite();
      mailchimp.ecommerce().patchStore(connection.storeId(), StorePatch.builder().syncing(true).build());
    }
    boolean refused = false;
    try {
      boolean completed = new FullRead(qbo).feed(pipeline);
      pipeline.drain();
      return completed;
    } catch (CommitRefused e) {
      refused = true; // no more writes: the run that holds the lease now owns the flag
      throw e;
    } finally {
      pipeline.close(); // the flag comes off once no order write is in flight
      if (backfill && !refused) {
        control.beforeWrite(); // a run that may no longer write leaves the flag to the next holder
        mailchimp.ecommerce().patchStore(connection.storeId(), StorePatch.builder().syncing(false).build());
      }
    }
  }

  /**
   * Syncs the records named by webhook events.
   *
   * @param events the events of this connection's realm
   */
  void targeted(List<WebhookEvent> events) {
    try {
      new WebhookRead(qbo, events).feed(pipeline);
      pipeline.drain();
    } finally {
      pipeline.close();
    }
  }

  /**
   * Whether the STOP_BEFORE_WRITING contact-limit policy stopped this run.
   *
   * @return true when stopped
   */
  boolean stoppedByContactLimit() {
    return pipeline.stoppedByContactLimit();
  }

  /**
   * The run may write nothing more: the store refused a commit (its lease was taken over or
   * released, or its connection is no longer connected), its heartbeat lost the lease, or it was
   * asked to stop. Nothing of the commit was written; the run must stop.
   */
  static final class CommitRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    /**
     * @param code the failure code of the run's report, or null to tell from the connection's
     *     status ({@code CONNECTION_NOT_ACTIVE} or {@code LEASE_LOST})
     */
    CommitRefused(String code) {
      super("the run may write nothing more", null, false, false);
      this.code = code;
    }

    /** {@return the failure code, or null to tell from the connection's status} */
    String code() {
      return code;
    }
  }
}
