package dev.qbmc.core.internal.store.jdbc;

import static dev.qbmc.core.internal.store.jdbc.Jdbc.instant;
import static dev.qbmc.core.internal.store.jdbc.Jdbc.setInstant;
import static dev.qbmc.core.internal.store.jdbc.Jdbc.setText;

import dev.qbmc.core.model.SyncOutcome;
import dev.qbmc.core.spi.SyncRunRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code sync_runs} table: runs by id, the most recent {@code keep} per connection (newest start
 * first, then run id), older ones deleted as new ones are recorded.
 */
public final class RunRows {

  private final int keep;
  private final Failures failures;
  private final String upsert;
  private final String trim;
  private final String recent;
  private final String deleteAll;

  /**
   * Creates the statements.
   *
   * @param tables the table names
   * @param keep how many runs to keep per connection
   * @param failures makes the exception for an unreadable row
   */
  public RunRows(Tables tables, int keep, Failures failures) {
    this.failures = failures;
    this.keep = keep;
    String t = tables.table("sync_runs");
    String order = " ORDER BY started_at DESC, run_id COLLATE \"C\" ASC";
    upsert =
        "INSERT INTO " + t + " (connection_id, run_id, started_at, finished_at, outcome, summary, report_json)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (connection_id, run_id) DO UPDATE SET started_at = EXCLUDED.started_at,"
            + " finished_at = EXCLUDED.finished_at, outcome = EXCLUDED.outcome, summary = EXCLUDED.summary,"
            + " report_json = EXCLUDED.report_json";
    trim =
        "DELETE FROM " + t + " WHERE connection_id = ? AND run_id NOT IN"
            + " (SELECT run_id FROM " + t + " WHERE connection_id = ?" + order + " LIMIT ?)";
    recent =
        "SELECT run_id, started_at, finished_at, outcome, summary, report_json FROM " + t
            + " WHERE connection_id = ?" + order + " LIMIT ?";
    deleteAll = "DELETE FROM " + t + " WHERE connection_id = ?";
  }

  /**
   * Inserts or replaces a run and deletes the runs beyond the bound.
   *
   * @param c the database connection
   * @param connectionId the connection id
   * @param run the run
   * @throws SQLException on a database failure
   */
  public void record(Connection c, String connectionId, SyncRunRecord run) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(upsert)) {
      setText(ps, 1, connectionId, "connectionId");
      setText(ps, 2, run.runId(), "runId");
      setInstant(ps, 3, run.startedAt());
      setInstant(ps, 4, run.finishedAt());
      setText(ps, 5, run.outcome().map(Enum::name), "outcome");
      setText(ps, 6, run.summary(), "summary");
      setText(ps, 7, run.reportJson(), "reportJson");
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(trim)) {
      ps.setString(1, connectionId);
      ps.setString(2, connectionId);
      ps.setInt(3, keep);
      ps.executeUpdate();
    }
  }

  /**
   * The most recent runs.
   *
   * @param c the database connection
   * @param connectionId the connection id
   * @param limit the most returned
   * @return the runs, newest start first
   * @throws SQLException on a database failure
   */
  public List<SyncRunRecord> recent(Connection c, String connectionId, int limit) throws SQLException {
    List<SyncRunRecord> runs = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(recent)) {
      ps.setString(1, connectionId);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          runs.add(read(rs));
        }
      }
    }
    return runs;
  }

  /**
   * Deletes every run of a connection.
   *
   * @param c the database connection
   * @param connectionId the connection id
   * @throws SQLException on a database failure
   */
  public void deleteAll(Connection c, String connectionId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(deleteAll)) {
      ps.setString(1, connectionId);
      ps.executeUpdate();
    }
  }

  private SyncRunRecord read(ResultSet rs) throws SQLException {
    String runId = rs.getString("run_id");
    try {
      SyncRunRecord.Builder run = SyncRunRecord.builder().runId(runId).startedAt(instant(rs, "started_at"));
      Optional.ofNullable(instant(rs, "finished_at")).ifPresent(run::finishedAt);
      Optional.ofNullable(rs.getString("outcome")).map(SyncOutcome::valueOf).ifPresent(run::outcome);
      Optional.ofNullable(rs.getString("summary")).ifPresent(run::summary);
      Optional.ofNullable(rs.getString("report_json")).ifPresent(run::reportJson);
      return run.build();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw failures.unreadable("sync run '" + runId + "' cannot be read: " + e.getMessage(), e);
    }
  }
}
