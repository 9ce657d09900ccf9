package dev.qbmc.core.store;

/**
 * The store's database could not be reached or dropped the connection (SQLState class {@code 08},
 * an administrator's shutdown or termination {@code 57P0x}, too many connections {@code 53300}, a
 * timeout). The transaction in progress was rolled back by the database, so a store call that
 * throws this wrote nothing, unless the connection was lost during the final COMMIT itself, whose
 * outcome is then unknown (every qbmc write may be repeated). Retrying later may succeed.
 */
public final class StoreUnavailableException extends StoreDatabaseException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message the operation that failed
   * @param sqlState the SQLState, or null
   * @param cause the driver's exception
   */
  public StoreUnavailableException(String message, String sqlState, Throwable cause) {
    super(message, sqlState, cause);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
