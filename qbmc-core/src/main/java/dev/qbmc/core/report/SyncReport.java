package dev.qbmc.core.report;

import dev.qbmc.core.internal.QbmcStyle;
import dev.qbmc.core.model.Provider;
import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.SyncMode;
import dev.qbmc.core.model.SyncOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * What one sync run did: per entity type how many records were created, updated, unchanged,
 * deleted and skipped; every skipped record with its reason; failures; the API calls made; the
 * duration and the outcome. A dry run reports what it would have written.
 *
 * <p>Build one during a run with {@link SyncReportCollector}; serialise it with {@link #toJson()}
 * (shape documented on {@link SyncReportJson}).
 */
@Value.Immutable
@QbmcStyle
public abstract class SyncReport {

  SyncReport() {}

  /**
   * The connection synced.
   *
   * @return the connection id
   */
  public abstract String connectionId();

  /**
   * The id of this run.
   *
   * @return the run id
   */
  public abstract String runId();

  /**
   * What started the run and how much it read.
   *
   * @return the mode
   */
  public abstract SyncMode mode();

  /**
   * Whether this was a dry run (nothing written to Mailchimp; the counts say what would have been).
   *
   * @return the flag
   */
  public abstract boolean dryRun();

  /**
   * How the run ended.
   *
   * @return the outcome
   */
  public abstract SyncOutcome outcome();

  /**
   * When the run started.
   *
   * @return the instant
   */
  public abstract Instant startedAt();

  /**
   * When the run finished.
   *
   * @return the instant
   */
  public abstract Instant finishedAt();

  /**
   * How long the run took.
   *
   * @return {@code finishedAt - startedAt}
   */
  public Duration duration() {
    return Duration.between(startedAt(), finishedAt());
  }

  /**
   * The counts per entity type; types the run did not touch may be absent (see {@link
   * #countsFor(QboEntity)}).
   *
   * @return the counts
   */
  public abstract Map<QboEntity, EntityCounts> counts();

  /**
   * The counts of one entity type.
   *
   * @param type the entity type
   * @return its counts, zero when absent
   */
  public EntityCounts countsFor(QboEntity type) {
    return counts().getOrDefault(type, EntityCounts.zero());
  }

  /**
   * The counts of all entity types added up.
   *
   * @return the totals
   */
  public EntityCounts totals() {
    EntityCounts sum = EntityCounts.zero();
    for (EntityCounts c : counts().values()) {
      sum = sum.plus(c);
    }
    return sum;
  }

  /**
   * Every skipped record, ordered by entity type then QBO id.
   *
   * @return the skipped records
   */
  public abstract List<SkippedRecord> skipped();

  /**
   * Notes on records that were neither skipped nor failed but handled in a way worth telling (for
   * example jobs whose orders were attached to their parent), ordered by entity type then QBO id.
   *
   * @return the notes
   */
  public abstract List<SyncNote> notes();

  /**
   * The failures, in the order they happened.
   *
   * @return the failures
   */
  public abstract List<SyncFailure> failures();

  /**
   * The calls made per API and endpoint, ordered by API then endpoint.
   *
   * @return the counts
   */
  public abstract List<ApiCallCount> apiCalls();

  /**
   * The number of calls made to one API.
   *
   * @param api the API
   * @return the total over its endpoints
   */
  public long apiCallsTo(Provider api) {
    return apiCalls().stream().filter(c -> c.api() == api).mapToLong(ApiCallCount::calls).sum();
  }

  /**
   * Serialises this report to JSON (see {@link SyncReportJson} for the shape).
   *
   * @return compact JSON
   */
  public String toJson() {
    return SyncReportJson.toJson(this);
  }

  /**
   * A one-line summary for logs: outcome, totals, number of failures; no record data.
   *
   * @return the summary
   */
  public String summary() {
    EntityCounts t = totals();
    return String.format(
        "%s %s%s sync %s in %d ms: %d created, %d updated, %d unchanged, %d deleted, %d skipped,"
            + " %d failures",
        outcome(),
        mode(),
        dryRun() ? " dry-run" : "",
        runId(),
        duration().toMillis(),
        t.created(),
        t.updated(),
        t.unchanged(),
        t.deleted(),
        t.skipped(),
        failures().size());
  }

  @Value.Check
  void check() {
    if (finishedAt().isBefore(startedAt())) {
      throw new IllegalArgumentException("finishedAt must not be before startedAt");
    }
  }

  /**
   * Starts a builder for a finished report (services use {@link SyncReportCollector} instead).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return ImmutableSyncReport.builder();
  }

  /** Builds a {@link SyncReport}. */
  public interface Builder {
    /**
     * Sets the connection id.
     *
     * @param connectionId the id
     * @return this builder
     */
    Builder connectionId(String connectionId);

    /**
     * Sets the run id.
     *
     * @param runId the id
     * @return this builder
     */
    Builder runId(String runId);

    /**
     * Sets the mode.
     *
     * @param mode the mode
     * @return this builder
     */
    Builder mode(SyncMode mode);

    /**
     * Sets the dry-run flag.
     *
     * @param dryRun the flag
     * @return this builder
     */
    Builder dryRun(boolean dryRun);

    /**
     * Sets the outcome.
     *
     * @param outcome the outcome
     * @return this builder
     */
    Builder outcome(SyncOutcome outcome);

    /**
     * Sets the start time.
     *
     * @param startedAt the instant
     * @return this builder
     */
    Builder startedAt(Instant startedAt);

    /**
     * Sets the finish time.
     *
     * @param finishedAt the instant
     * @return this builder
     */
    Builder finishedAt(Instant finishedAt);

    /**
     * Sets the counts of one entity type.
     *
     * @param type the entity type
     * @param counts its counts
     * @return this builder
     */
    Builder putCounts(QboEntity type, EntityCounts counts);

    /**
     * Adds a skipped record.
     *
     * @param skipped the record
     * @return this builder
     */
    Builder addSkipped(SkippedRecord skipped);

    /**
     * Adds skipped records.
     *
     * @param skipped the records
     * @return this builder
     */
    Builder addAllSkipped(Iterable<? extends SkippedRecord> skipped);

    /**
     * Adds a note.
     *
     * @param note the note
     * @return this builder
     */
    Builder addNotes(SyncNote note);

    /**
     * Adds notes.
     *
     * @param notes the notes
     * @return this builder
     */
    Builder addAllNotes(Iterable<? extends SyncNote> notes);

    /**
     * Adds a failure.
     *
     * @param failure the failure
     * @return this builder
     */
    Builder addFailures(SyncFailure failure);

    /**
     * Adds failures.
     *
     * @param failures the failures
     * @return this builder
     */
    Builder addAllFailures(Iterable<? extends SyncFailure> failures);

    /**
     * Adds an API call count.
     *
     * @param count the count
     * @return this builder
     */
    Builder addApiCalls(ApiCallCount count);

    /**
     * Adds API call counts.
     *
     * @param counts the counts
     * @return this builder
     */
    Builder addAllApiCalls(Iterable<? extends ApiCallCount> counts);

    /**
     * Builds the report.
     *
     * @return the report
     */
    SyncReport build();
  }
}
