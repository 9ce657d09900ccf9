package dev.qbmc.core.store;

import dev.qbmc.core.QbmcException;

/**
 * A failure of a store: its files could not be read or written ({@link StoreIoException}), its
 * folder is in use by another store instance ({@link StoreLockedException}), its data is damaged
 * beyond what crash recovery repairs ({@link StoreCorruptedException}), its database failed ({@link
 * StoreDatabaseException}, with {@link StoreUnavailableException} for a lost connection), or its
 * database schema is not the one this qbmc needs ({@link StoreSchemaException}).
 */
public class StoreException extends QbmcException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong (paths, never secrets)
   * @param cause the underlying failure, or null
   */
  protected StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
