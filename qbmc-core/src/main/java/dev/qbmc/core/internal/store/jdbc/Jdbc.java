package dev.qbmc.core.internal.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs store calls on connections of the host's {@link DataSource} (one connection per call,
 * returned at once) and binds and reads values: instants as {@code timestamptz} at microsecond
 * precision, text without NUL characters (PostgreSQL refuses them).
 */
public final class Jdbc {

  /** Work on one connection; may throw {@link SQLException}. */
  @FunctionalInterface
  public interface Work<T> {
    /**
     * Does the work.
     *
     * @param connection the connection
     * @return the result
     * @throws SQLException on a database failure
     */
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;
  private final Failures failures;

  /**
   * Creates a runner.
   *
   * @param dataSource the host's data source
   * @param failures makes the exceptions to throw
   */
  public Jdbc(DataSource dataSource, Failures failures) {
    this.dataSource = dataSource;
    this.failures = failures;
  }

  /**
   * Makes the exceptions to throw.
   *
   * @return the failures
   */
  public Failures failures() {
    return failures;
  }

  /**
   * Runs work in auto-commit mode (each statement its own transaction).
   *
   * @param <T> the result type
   * @param operation what is being done, for the exception message (no secrets)
   * @param work the work
   * @return its result
   */
  public <T> T call(String operation, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      return work.run(c);
    } catch (SQLException e) {
      throw failures.database(operation, e);
    }
  }

  /**
   * Runs work in one transaction: committed when it returns, rolled back when it throws (or when
   * the connection is lost, by the database).
   *
   * @param <T> the result type
   * @param operation what is being done, for the exception message (no secrets)
   * @param work the work
   * @return its result
   */
  public <T> T transaction(String operation, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        restoreAutoCommit(c);
      }
    } catch (SQLException e) {
      throw failures.database(operation, e);
    }
  }

  /**
   * Opens a connection for a caller that manages it (a streaming cursor).
   *
   * @param operation what is being done, for the exception message
   * @return the connection
   */
  public Connection open(String operation) {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw failures.database(operation, e);
    }
  }

  static void rollbackQuietly(Connection c, Exception failure) {
    try {
      if (!c.isClosed()) {
        c.rollback();
      }
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  static void restoreAutoCommit(Connection c) {
    try {
      if (!c.isClosed()) {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      // the connection is broken; the pool discards it
    }
  }

  /**
   * Requires text PostgreSQL can store (no NUL character).
   *
   * @param value the text
   * @param name its name for the message (never the value: it may be a secret)
   * @return the value
   */
  public static String text(String value, String name) {
    if (value != null && value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(name + " must not contain a NUL character");
    }
    return value;
  }

  /**
   * Binds nullable text.
   *
   * @param ps the statement
   * @param index the parameter index
   * @param value the text, or null
   * @param name its name for a refusal message
   * @throws SQLException on a driver failure
   */
  public static void setText(PreparedStatement ps, int index, String value, String name) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, text(value, name));
    }
  }

  /**
   * Binds an optional text.
   *
   * @param ps the statement
   * @param index the parameter index
   * @param value the text
   * @param name its name for a refusal message
   * @throws SQLException on a driver failure
   */
  public static void setText(PreparedStatement ps, int index, Optional<String> value, String name)
      throws SQLException {
    setText(ps, index, value.orElse(null), name);
  }

  /**
   * Binds a nullable instant as {@code timestamptz}, truncated to microseconds.
   *
   * @param ps the statement
   * @param index the parameter index
   * @param value the instant, or null
   * @throws SQLException on a driver failure
   */
  public static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, OffsetDateTime.ofInstant(micros(value), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }

  /**
   * Binds an optional instant.
   *
   * @param ps the statement
   * @param index the parameter index
   * @param value the instant
   * @throws SQLException on a driver failure
   */
  public static void setInstant(PreparedStatement ps, int index, Optional<Instant> value) throws SQLException {
    setInstant(ps, index, value.orElse(null));
  }

  /**
   * Reads a nullable {@code timestamptz}.
   *
   * @param rs the result set
   * @param column the column name
   * @return the instant, or null
   * @throws SQLException on a driver failure
   */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /**
   * An instant at the precision the database keeps.
   *
   * @param instant the instant
   * @return it, truncated to microseconds
   */
  public static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}
