package dev.qbmc.core.store;

/**
 * The database schema of a {@link JdbcStore} is not the one this version of qbmc needs: not yet
 * migrated (when opened without migrating), migrated by a newer qbmc, or an applied migration script
 * differs from the one shipped.
 */
public final class StoreSchemaException extends StoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what is wrong with the schema and how to fix it
   * @param cause the underlying failure, or null
   */
  public StoreSchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}
