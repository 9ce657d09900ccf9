package dev.qbmc.core.store;

/**
 * The store folder is already open in another {@link FileStore} (in this or another process). A
 * file store folder has exactly one owner at a time; close the other instance, or give each
 * process its own folder (or a database-backed store for several processes).
 */
public final class StoreLockedException extends StoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message which folder is locked
   * @param cause the lock failure, or null
   */
  public StoreLockedException(String message, Throwable cause) {
    super(message, cause);
  }
}
