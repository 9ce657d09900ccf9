package dev.qbmc.core.store;

import java.io.IOException;

/** A store file could not be read or written (disk full, permissions, I/O error). */
public final class StoreIoException extends StoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what the store was doing, with the path
   * @param cause the I/O failure
   */
  public StoreIoException(String message, IOException cause) {
    super(message, cause);
  }
}
