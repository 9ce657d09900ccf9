package dev.qbmc.core.store;

/**
 * A database-backed store ({@link JdbcStore}) failed on an SQL statement. Subtypes say whether the
 * database could not be reached ({@link StoreUnavailableException}) or refused a write as violating
 * a constraint ({@link StoreConstraintException}). The message names the operation and the
 * SQLState, never a token or a value; the driver's exception is the cause.
 */
public class StoreDatabaseException extends StoreException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;

  /**
   * Creates an exception.
   *
   * @param message the operation that failed (connection ids, never secrets)
   * @param sqlState the SQLState reported by the driver, or null
   * @param cause the driver's exception
   */
  public StoreDatabaseException(String message, String sqlState, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
  }

  /**
   * The five-character SQLState of the failure (for example {@code 08006} for a lost connection).
   *
   * @return the SQLState, or null when the driver reported none
   */
  public String sqlState() {
    return sqlState;
  }
}
