package dev.qbmc.core.store;

/**
 * Stored data is damaged in a way crash recovery does not repair: a store file that was written
 * completely but no longer reads back (a torn tail of the record journal is not corruption: it is
 * dropped on open), or a database row qbmc cannot read (a value changed by hand).
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
