package dev.qbmc.core;

/**
 * Another sync of the same connection holds its lease (in this process or another one sharing the
 * state store). Retry later, or ask the sync to wait for the lease.
 */
public final class SyncAlreadyRunningException extends QbmcException {
  private static final long serialVersionUID = 1L;

  private final String connectionId;

  /**
   * Creates the exception.
   *
   * @param connectionId the connection whose lease is held
   */
  public SyncAlreadyRunningException(String connectionId) {
    super("a sync of connection '" + connectionId + "' is already running");
    this.connectionId = connectionId;
  }

  /**
   * The connection whose lease is held.
   *
   * @return the connection id
   */
  public String connectionId() {
    return connectionId;
  }
}
