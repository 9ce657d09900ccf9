package dev.qbmc.core.report;

import dev.qbmc.core.model.Provider;
import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.SkipReason;
import dev.qbmc.core.model.SyncMode;
import dev.qbmc.core.model.SyncOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Gathers the report of one sync run while it executes. Thread-safe: writers running in parallel
 * may record into the same collector. Confined to its run: create one per run, call {@link
 * #finish} once at the end, and hand out only the immutable {@link SyncReport}.
 *
 * <pre>{@code
 * SyncReportCollector report = SyncReportCollector.start(connectionId, runId, SyncMode.FULL, false, clock.instant());
 * report.apiCall(Provider.QUICKBOOKS, "GET /query");
 * report.created(QboEntity.CUSTOMER, 25);
 * report.skipped(QboEntity.CUSTOMER, "58", SkipReason.NO_EMAIL);
 * SyncReport done = report.finish(clock.instant());
 * }</pre>
 */
public final class SyncReportCollector {

  private enum Counter {
    CREATED,
    UPDATED,
    UNCHANGED,
    DELETED,
    SKIPPED
  }

  private record Endpoint(Provider api, String endpoint) {}

  private final String connectionId;
  private final String runId;
  private final SyncMode mode;
  private final boolean dryRun;
  private final Instant startedAt;
  private final Map<QboEntity, LongAdder[]> counters = new EnumMap<>(QboEntity.class);
  private final ConcurrentLinkedQueue<SkippedRecord> skipped = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<SyncFailure> failures = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<SyncNote> notes = new ConcurrentLinkedQueue<>();
  private final ConcurrentHashMap<Endpoint, LongAdder> apiCalls = new ConcurrentHashMap<>();

  private SyncReportCollector(
      String connectionId, String runId, SyncMode mode, boolean dryRun, Instant startedAt) {
    this.connectionId = requireNotBlank(connectionId, "connectionId");
    this.runId = requireNotBlank(runId, "runId");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.dryRun = dryRun;
    this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    for (QboEntity type : QboEntity.values()) {
      LongAdder[] adders = new LongAdder[Counter.values().length];
      for (int i = 0; i < adders.length; i++) {
        adders[i] = new LongAdder();
      }
      counters.put(type, adders);
    }
  }

  /**
   * Starts collecting the report of a run.
   *
   * @param connectionId the connection synced
   * @param runId the run id
   * @param mode the sync mode
   * @param dryRun whether nothing is written
   * @param startedAt when the run started
   * @return the collector
   */
  public static SyncReportCollector start(
      String connectionId, String runId, SyncMode mode, boolean dryRun, Instant startedAt) {
    return new SyncReportCollector(connectionId, runId, mode, dryRun, startedAt);
  }

  /**
   * Counts records written as new.
   *
   * @param type the entity type
   * @param n how many; not negative
   */
  public void created(QboEntity type, long n) {
    add(type, Counter.CREATED, n);
  }

  /**
   * Counts records whose Mailchimp copy changed.
   *
   * @param type the entity type
   * @param n how many; not negative
   */
  public void updated(QboEntity type, long n) {
    add(type, Counter.UPDATED, n);
  }

  /**
   * Counts records found unchanged.
   *
   * @param type the entity type
   * @param n how many; not negative
   */
  public void unchanged(QboEntity type, long n) {
    add(type, Counter.UNCHANGED, n);
  }

  /**
   * Counts records deleted or cancelled in Mailchimp.
   *
   * @param type the entity type
   * @param n how many; not negative
   */
  public void deleted(QboEntity type, long n) {
    add(type, Counter.DELETED, n);
  }

  /**
   * Records a skipped record (and counts it as skipped).
   *
   * @param type the entity type
   * @param qboId the QBO id
   * @param reason the reason
   */
  public void skipped(QboEntity type, String qboId, SkipReason reason) {
    skipped(SkippedRecord.of(type, qboId, reason));
  }

  /**
   * Records a note (it counts nothing).
   *
   * @param note the note
   */
  public void noted(SyncNote note) {
    notes.add(Objects.requireNonNull(note, "note"));
  }

  /**
   * Records a skipped record (and counts it as skipped).
   *
   * @param record the skipped record
   */
  public void skipped(SkippedRecord record) {
    Objects.requireNonNull(record, "record");
    skipped.add(record);
    add(record.entityType(), Counter.SKIPPED, 1);
  }

  /**
   * Records a failure. The record it concerns is not counted in any other bucket.
   *
   * @param failure the failure, with a sanitised message
   */
  public void failed(SyncFailure failure) {
    failures.add(Objects.requireNonNull(failure, "failure"));
  }

  /**
   * Counts one HTTP request.
   *
   * @param api the API called
   * @param endpoint method and path template, for example {@code POST /batches}
   */
  public void apiCall(Provider api, String endpoint) {
    apiCalls(api, endpoint, 1);
  }

  /**
   * Counts HTTP requests.
   *
   * @param api the API called
   * @param endpoint method and path template
   * @param n how many; not negative
   */
  public void apiCalls(Provider api, String endpoint, long n) {
    Objects.requireNonNull(api, "api");
    requireNotBlank(endpoint, "endpoint");
    requireNotNegative(n);
    apiCalls.computeIfAbsent(new Endpoint(api, endpoint), k -> new LongAdder()).add(n);
  }

  /**
   * Whether a failure was recorded so far.
   *
   * @return true after the first {@link #failed}
   */
  public boolean hasFailures() {
    return !failures.isEmpty();
  }

  /**
   * Builds the report with an outcome derived from what was collected: {@link SyncOutcome#SUCCEEDED}
   * without failures; with failures {@link SyncOutcome#PARTIAL} when anything was created, updated
   * or deleted, else {@link SyncOutcome#FAILED}.
   *
   * @param finishedAt when the run finished
   * @return the report
   */
  public SyncReport finish(Instant finishedAt) {
    SyncOutcome outcome = SyncOutcome.SUCCEEDED;
    if (!failures.isEmpty()) {
      long written = 0;
      for (LongAdder[] a : counters.values()) {
        written +=
            a[Counter.CREATED.ordinal()].sum()
                + a[Counter.UPDATED.ordinal()].sum()
                + a[Counter.DELETED.ordinal()].sum();
      }
      outcome = written > 0 ? SyncOutcome.PARTIAL : SyncOutcome.FAILED;
    }
    return finish(finishedAt, outcome);
  }

  /**
   * Builds the report with an explicit outcome (for example {@link
   * SyncOutcome#STOPPED_CONTACT_LIMIT}).
   *
   * @param finishedAt when the run finished; not before the start
   * @param outcome the outcome
   * @return the report
   */
  public SyncReport finish(Instant finishedAt, SyncOutcome outcome) {
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(outcome, "outcome");
    ImmutableSyncReport.Builder b =
        ImmutableSyncReport.builder()
            .connectionId(connectionId)
            .runId(runId)
            .mode(mode)
            .dryRun(dryRun)
            .outcome(outcome)
            .startedAt(startedAt)
            .finishedAt(finishedAt);
    for (Map.Entry<QboEntity, LongAdder[]> e : counters.entrySet()) {
      LongAdder[] a = e.getValue();
      EntityCounts c =
          EntityCounts.builder()
              .created(a[Counter.CREATED.ordinal()].sum())
              .updated(a[Counter.UPDATED.ordinal()].sum())
              .unchanged(a[Counter.UNCHANGED.ordinal()].sum())
              .deleted(a[Counter.DELETED.ordinal()].sum())
              .skipped(a[Counter.SKIPPED.ordinal()].sum())
              .build();
      if (c.total() > 0) {
        b.putCounts(e.getKey(), c);
      }
    }
    List<SkippedRecord> sortedSkipped = new ArrayList<>(skipped);
    sortedSkipped.sort(
        Comparator.comparing(SkippedRecord::entityType)
            .thenComparing(SkippedRecord::qboId)
            .thenComparing(SkippedRecord::reason));
    b.addAllSkipped(sortedSkipped);
    List<SyncNote> sortedNotes = new ArrayList<>(notes);
    sortedNotes.sort(Comparator.comparing(SyncNote::entityType).thenComparing(SyncNote::qboId)
        .thenComparing(SyncNote::code));
    b.addAllNotes(sortedNotes);
    b.addAllFailures(failures);
    List<ApiCallCount> calls = new ArrayList<>();
    apiCalls.forEach((k, v) -> calls.add(ApiCallCount.of(k.api(), k.endpoint(), v.sum())));
    calls.sort(Comparator.comparing(ApiCallCount::api).thenComparing(ApiCallCount::endpoint));
    b.addAllApiCalls(calls);
    return b.build();
  }

  private void add(QboEntity type, Counter counter, long n) {
    Objects.requireNonNull(type, "type");
    requireNotNegative(n);
    counters.get(type)[counter.ordinal()].add(n);
  }

  private static void requireNotNegative(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + n);
    }
  }

  private static String requireNotBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
