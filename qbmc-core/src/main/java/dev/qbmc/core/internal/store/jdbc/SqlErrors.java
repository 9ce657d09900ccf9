package dev.qbmc.core.internal.store.jdbc;

import dev.qbmc.core.store.StoreConstraintException;
import dev.qbmc.core.store.StoreDatabaseException;
import dev.qbmc.core.store.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Maps a driver's {@link SQLException} to a store exception by its SQLState and type. The message
 * names the operation and the SQLState only: the driver's own message can quote row values.
 */
public final class SqlErrors {

  /** Connection lost or refused: the server shut down, terminated the backend, or is overloaded. */
  private static final Set<String> UNAVAILABLE =
      Set.of("57P01", "57P02", "57P03", "53300", "57014");

  private SqlErrors() {}

  /**
   * Translates a failure.
   *
   * @param operation what was being done (connection ids, never secrets)
   * @param e the driver's exception
   * @return the store exception to throw
   */
  public static StoreDatabaseException translate(String operation, SQLException e) {
    String state = e.getSQLState();
    String message = "JdbcStore: " + operation + " failed (SQLState " + (state == null ? "none" : state) + ")";
    if (isUnavailable(e, state)) {
      return new StoreUnavailableException(
          message + ": the database is unreachable or dropped the connection; retry later", state, e);
    }
    if (state != null && state.startsWith("23")) {
      return new StoreConstraintException(message + ": a constraint refused the write", state, e);
    }
    return new StoreDatabaseException(message, state, e);
  }

  private static boolean isUnavailable(SQLException e, String state) {
    return e instanceof SQLTransientConnectionException
        || e instanceof SQLNonTransientConnectionException
        || e instanceof SQLRecoverableException
        || e instanceof SQLTimeoutException
        || (state != null && (state.startsWith("08") || UNAVAILABLE.contains(state)));
  }
}
