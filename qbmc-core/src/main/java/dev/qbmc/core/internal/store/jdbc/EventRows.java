package dev.qbmc.core.internal.store.jdbc;

import static dev.qbmc.core.internal.store.jdbc.Jdbc.setInstant;
import static dev.qbmc.core.internal.store.jdbc.Jdbc.setText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@code seen_events} table: webhook event ids per scope, remembered for the retention. Marking
 * is one statement (insert, or take over an expired row); each call also deletes up to {@value
 * #PRUNE_LIMIT} expired rows, so the table stays bounded by the retention without a job.
 */
public final class EventRows {

  /** Expired rows deleted per call at most. */
  static final int PRUNE_LIMIT = 500;

  private final Duration retention;
  private final String mark;
  private final String prune;

  /**
   * Creates the statements.
   *
   * @param tables the table names
   * @param retention how long an event id is remembered
   */
  public EventRows(Tables tables, Duration retention) {
    this.retention = retention;
    String t = tables.table("seen_events");
    mark =
        "INSERT INTO " + t + " AS e (scope, event_id, seen_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (scope, event_id) DO UPDATE SET seen_at = EXCLUDED.seen_at"
            + " WHERE e.seen_at < ?"
            + " RETURNING 1";
    prune =
        "DELETE FROM " + t + " WHERE (scope, event_id) IN"
            + " (SELECT scope, event_id FROM " + t + " WHERE seen_at < ? LIMIT " + PRUNE_LIMIT + ")";
  }

  /**
   * Marks an event seen.
   *
   * @param c the database connection
   * @param scope the scope
   * @param eventId the event id
   * @param now the current time
   * @return true the first time (or after the earlier sighting expired)
   * @throws SQLException on a database failure
   */
  public boolean mark(Connection c, String scope, String eventId, Instant now) throws SQLException {
    Instant expired = now.minus(retention);
    boolean first;
    try (PreparedStatement ps = c.prepareStatement(mark)) {
      setText(ps, 1, scope, "scope");
      setText(ps, 2, eventId, "eventId");
      setInstant(ps, 3, now);
      setInstant(ps, 4, expired);
      try (ResultSet rs = ps.executeQuery()) {
        first = rs.next();
      }
    }
    try (PreparedStatement ps = c.prepareStatement(prune)) {
      setInstant(ps, 1, expired);
      ps.executeUpdate();
    }
    return first;
  }
}
