package dev.qbmc.core.store;

/**
 * Stored data is damaged in a way crash recovery does not repair: a store file that was written
 * completely but no longer reads back, or a database row qbmc cannot read (a value changed by
 * hand). The message names the file (and, for a {@link FileStore} state file, the byte offset of
 * the damage) or the row; it never quotes stored content.
 *
 * <p>For a {@link FileStore}: a torn tail of a record journal (a crash during an append) is not
 * corruption, it is dropped on open. A damaged frame followed by valid ones is: nothing is dropped
 * silently, the connection's record states throw this exception until {@link
 * FileStore#recover(java.nio.file.Path)} has kept every valid frame and reported the lost ones.
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
