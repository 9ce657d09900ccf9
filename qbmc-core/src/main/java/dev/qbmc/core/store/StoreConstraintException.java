package dev.qbmc.core.store;

/**
 * The database refused a write as violating a constraint (SQLState class {@code 23}): a row changed
 * by someone other than qbmc, or a schema altered by hand. Nothing of the call was written.
 */
public final class StoreConstraintException extends StoreDatabaseException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message the operation that failed
   * @param sqlState the SQLState
   * @param cause the driver's exception
   */
  public StoreConstraintException(String message, String sqlState, Throwable cause) {
    super(message, sqlState, cause);
  }
}
