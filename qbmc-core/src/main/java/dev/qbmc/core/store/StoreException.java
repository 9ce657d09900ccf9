package dev.qbmc.core.store;

import dev.qbmc.core.QbmcException;

/**
 * A failure of an embedded store: its files could not be read or written ({@link StoreIoException}),
 * its folder is in use by another store instance ({@link StoreLockedException}), or its files are
 * damaged beyond what crash recovery repairs ({@link StoreCorruptedException}).
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
