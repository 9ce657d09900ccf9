package dev.qbmc.core.spi;

import dev.qbmc.core.internal.QbmcStyle;
import dev.qbmc.core.model.SyncOutcome;
import dev.qbmc.core.report.SyncReport;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry of a connection's recent sync runs: recorded when a run starts (without finish time and
 * outcome) and replaced, by {@link #runId()}, when it ends.
 */
@Value.Immutable
@QbmcStyle
public abstract class SyncRunRecord {

  SyncRunRecord() {}

  /**
   * The run id (the {@code runId} of its sync report).
   *
   * @return a non-blank id
   */
  public abstract String runId();

  /**
   * When the run started.
   *
   * @return the instant
   */
  public abstract Instant startedAt();

  /**
   * When the run finished.
   *
   * @return the instant, or empty while it runs (or if it died)
   */
  public abstract Optional<Instant> finishedAt();

  /**
   * How the run ended.
   *
   * @return the outcome, or empty while it runs
   */
  public abstract Optional<SyncOutcome> outcome();

  /**
   * A one-line human summary (counts, failures); no secrets, no email addresses.
   *
   * @return the summary, or empty
   */
  public abstract Optional<String> summary();

  /**
   * The run's report in the JSON shape of {@code SyncReportJson}.
   *
   * @return the JSON, or empty
   */
  public abstract Optional<String> reportJson();

  @Value.Check
  void check() {
    if (runId().isBlank()) {
      throw new IllegalArgumentException("runId must not be blank");
    }
  }

  /**
   * The record of a finished run: its times, outcome, one-line summary and full report JSON.
   *
   * @param report the run's report
   * @return the record
   * @throws NullPointerException if the report is null
   */
  public static SyncRunRecord of(SyncReport report) {
    Objects.requireNonNull(report, "report");
    return builder()
        .runId(report.runId())
        .startedAt(report.startedAt())
        .finishedAt(report.finishedAt())
        .outcome(report.outcome())
        .summary(report.summary())
        .reportJson(report.toJson())
        .build();
  }

  /**
   * Starts a builder; {@code runId} and {@code startedAt} are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return ImmutableSyncRunRecord.builder();
  }

  /** Builds a {@link SyncRunRecord}. */
  public interface Builder {
    /**
     * Copies every attribute of an existing record.
     *
     * @param instance the record
     * @return this builder
     */
    Builder from(SyncRunRecord instance);

    /**
     * Sets the run id.
     *
     * @param runId the id
     * @return this builder
     */
    Builder runId(String runId);

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
     * Sets the outcome.
     *
     * @param outcome the outcome
     * @return this builder
     */
    Builder outcome(SyncOutcome outcome);

    /**
     * Sets the summary.
     *
     * @param summary the summary
     * @return this builder
     */
    Builder summary(String summary);

    /**
     * Sets the report JSON.
     *
     * @param reportJson the JSON
     * @return this builder
     */
    Builder reportJson(String reportJson);

    /**
     * Builds the record.
     *
     * @return the record
     */
    SyncRunRecord build();
  }
}
