package dev.qbmc.core.internal.store.jdbc;

import java.sql.SQLException;

/**
 * Makes the exceptions the store throws; implemented beside {@code JdbcStore}, so that these
 * classes need not know the public exception types (the store package depends on this one, not
 * the other way round).
 */
public interface Failures {

  /**
   * A failed SQL call.
   *
   * @param operation what was being done (connection ids, never secrets)
   * @param e the driver's exception
   * @return the exception to throw
   */
  RuntimeException database(String operation, SQLException e);

  /**
   * A stored row that cannot be read back (a value changed by hand).
   *
   * @param message which row and why
   * @param cause the parse failure
   * @return the exception to throw
   */
  RuntimeException unreadable(String message, RuntimeException cause);

  /**
   * A schema this qbmc cannot use.
   *
   * @param message what is wrong and how to fix it
   * @return the exception to throw
   */
  RuntimeException schema(String message);
}
