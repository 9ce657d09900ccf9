package dev.qbmc.core.store;

import dev.qbmc.core.internal.store.jdbc.Failures;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Maps a driver's {@link SQLException} to a store exception by its SQLState and type. The message
 * names the operation and the SQLState only, and the cause is a copy of the driver's exception
 * with the first line of its message only: server details (PostgreSQL's "Failing row contains
 * (...)", "Key (...)=(...)") quote row values, which can be tokens.
 */
final class JdbcFailures implements Failures {

  /** Connection lost or refused: the server shut down, terminated the backend, or is overloaded. */
  private static final Set<String> UNAVAILABLE =
      Set.of("57P01", "57P02", "57P03", "53300", "57014");

  @Override
  public RuntimeException unreadable(String message, RuntimeException cause) {
    return new StoreCorruptedException("JdbcStore: " + message, cause);
  }

  @Override
  public RuntimeException schema(String message) {
    return new StoreSchemaException("JdbcStore: " + message, null);
  }

  @Override
  public StoreDatabaseException database(String operation, SQLException driverException) {
    SQLException e = redacted(driverException);
    String state = e.getSQLState();
    String message = "JdbcStore: " + operation + " failed (SQLState " + (state == null ? "none" : state) + ")";
    if (isUnavailable(driverException, state)) {
      return new StoreUnavailableException(
          message + ": the database is unreachable or dropped the connection; retry later", state, e);
    }
    if (state != null && state.startsWith("23")) {
      return new StoreConstraintException(message + ": a constraint refused the write", state, e);
    }
    return new StoreDatabaseException(message, state, e);
  }

  /** The same failure without the lines after the first of its message (and without chained ones). */
  static SQLException redacted(SQLException e) {
    String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
    SQLException copy =
        new SQLException(e.getClass().getName() + ": " + message, e.getSQLState(), e.getErrorCode());
    copy.setStackTrace(e.getStackTrace());
    Throwable cause = e.getCause();
    if (cause != null && !(cause instanceof SQLException)) {
      copy.initCause(cause); // an I/O failure: no row values
    }
    return copy;
  }

  private static boolean isUnavailable(SQLException e, String state) {
    return e instanceof SQLTransientConnectionException
        || e instanceof SQLNonTransientConnectionException
        || e instanceof SQLRecoverableException
        || e instanceof SQLTimeoutException
        || (state != null && (state.startsWith("08") || UNAVAILABLE.contains(state)));
  }
}
