package dev.qbmc.core.internal.service;

import dev.qbmc.core.report.SkippedRecord;
import dev.qbmc.core.report.SyncFailure;
import dev.qbmc.core.report.SyncReportCollector;
import dev.qbmc.core.reconcile.StateChange;
import dev.qbmc.core.reconcile.SyncOperation;
import dev.qbmc.mailchimp.MailchimpBatchTimeoutException;
import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.mailchimp.MailchimpMalformedResponseException;
import dev.qbmc.mailchimp.MailchimpNotFoundException;
import dev.qbmc.mailchimp.MailchimpServiceException;
import dev.qbmc.mailchimp.model.BatchOperation;
import dev.qbmc.mailchimp.model.BatchResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one wave of writes: up to {@code directWriteLimit} call by call, more as one {@code /batches}
 * request through the client ({@link dev.qbmc.mailchimp.Batches#run}, which waits and resubmits
 * operations that failed for a passing reason). Every write ends confirmed, skipped with Mailchimp's
 * reason, or failed; a malformed or late batch answer fails the writes it leaves unanswered, it does
 * not end the run.
 */
final class WaveRunner {
  private final MailchimpClient mailchimp;
  private final int directWriteLimit;
  private final Duration batchTimeout;
  private final SyncReportCollector report;
  private final Runnable gate;

  /**
   * @param gate asked before every write (each direct call, each {@code /batches} request); throws
   *     when the run may write nothing more
   */
  WaveRunner(MailchimpClient mailchimp, int directWriteLimit, Duration batchTimeout, SyncReportCollector report,
      Runnable gate) {
    this.gate = gate;
    this.mailchimp = mailchimp;
    this.directWriteLimit = directWriteLimit;
    this.batchTimeout = batchTimeout;
    this.report = report;
  }

  int directWriteLimit() {
    return directWriteLimit;
  }

  /**
   * Runs the writes; adds the operations Mailchimp confirmed to {@code done} and their state changes
   * to {@code confirmed}, and reports the others.
   */
  void run(List<Write> writes, List<SyncOperation> done, List<StateChange> confirmed) {
    if (writes.isEmpty()) {
      return;
    }
    if (writes.size() <= directWriteLimit) {
      for (Write write : writes) {
        direct(write, done, confirmed);
      }
      return;
    }
    List<BatchOperation> operations = new ArrayList<>(writes.size());
    Map<String, Write> byId = new HashMap<>();
    for (Write write : writes) {
      operations.add(mailchimp.batches().operation(write.request(), write.operationId()));
      byId.put(write.operationId(), write);
    }
    List<BatchResult> results;
    RecordRejection unanswered;
    gate.run();
    try {
      results = mailchimp.batches().run(operations, batchTimeout, this::mayWrite).results();
      unanswered = transientFailure("NO_RESULT", "the batch results held no answer for this operation");
    } catch (MailchimpBatchTimeoutException e) {
      results = List.of();
      unanswered = transientFailure("BATCH_TIMEOUT",
          "the batch did not finish within " + batchTimeout + "; the next run writes it again");
    } catch (MailchimpMalformedResponseException e) {
      results = List.of();
      unanswered = transientFailure("NO_RESULT",
          "the batch results could not be read (" + e.getMessage() + "); the next run writes it again");
    }
    Set<String> answered = new HashSet<>();
    for (BatchResult result : results) {
      Write write = result.operationId().map(byId::get).orElse(null);
      if (write == null || !answered.add(write.operationId())) {
        continue;
      }
      if (result.isSuccess() || (write.notFoundIsSuccess() && result.statusCode() == 404)) {
        succeeded(write, done, confirmed);
      } else {
        failed(write, RecordRejection.ofBatchResult(result.statusCode(), result.body()));
      }
    }
    for (Write write : writes) {
      if (!answered.contains(write.operationId())) {
        failed(write, unanswered);
      }
    }
  }

  /** Whether the gate lets the run write (asked before a follow-up batch); the next gate throws. */
  private boolean mayWrite() {
    try {
      gate.run();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private void direct(Write write, List<SyncOperation> done, List<StateChange> confirmed) {
    gate.run();
    try {
      mailchimp.execute(write.request());
      succeeded(write, done, confirmed);
    } catch (MailchimpNotFoundException e) {
      if (write.notFoundIsSuccess()) {
        succeeded(write, done, confirmed);
      } else {
        failed(write, RecordRejection.of(e));
      }
    } catch (MailchimpServiceException e) {
      if (e.statusCode() == 401 || e.statusCode() == 403) {
        throw e;
      }
      failed(write, RecordRejection.of(e));
    } catch (MailchimpMalformedResponseException e) {
      failed(write, transientFailure("MALFORMED_RESPONSE",
          "Mailchimp's answer could not be read; the next run writes it again"));
    }
  }

  private static void succeeded(Write write, List<SyncOperation> done, List<StateChange> confirmed) {
    if (write.operation() != null) {
      done.add(write.operation());
    }
    confirmed.addAll(write.confirms());
  }

  private static RecordRejection transientFailure(String code, String detail) {
    return new RecordRejection(Optional.empty(), code, detail);
  }

  /** Reports a write Mailchimp did not confirm: skipped when it refused for good, else failed. */
  private void failed(Write write, RecordRejection rejection) {
    for (String qboId : write.qboIds().isEmpty() ? List.of("") : write.qboIds()) {
      if (qboId.isEmpty()) {
        report.failed(SyncFailure.general(rejection.code(), write.operationId() + ": " + rejection.detail()));
      } else if (rejection.permanent()) {
        report.skipped(
            SkippedRecord.of(write.entityType(), qboId, rejection.reason().orElseThrow(), rejection.detail()));
      } else {
        report.failed(SyncFailure.of(write.entityType(), qboId, rejection.code(), rejection.detail()));
      }
    }
  }
}
