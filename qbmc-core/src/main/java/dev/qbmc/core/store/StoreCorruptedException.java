package dev.qbmc.core.store;

/**
 * A store file is damaged in a way crash recovery does not repair (a snapshot or small file that
 * was written completely but no longer reads back). A torn tail of the record journal is not
 * corruption: it is dropped on open.
 */
public final class StoreCorruptedException extends StoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message which file is damaged and how
   * @param cause the parse failure, or null
   */
  public StoreCorruptedException(String message, Throwable cause) {
    super(message, cause);
  }
}
