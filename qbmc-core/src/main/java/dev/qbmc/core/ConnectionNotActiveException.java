package dev.qbmc.core;

import dev.qbmc.core.model.ConnectionStatus;


/**
 * The connection exists but does not accept syncs: it was disconnected or paused, or its QuickBooks
 * authorisation was lost and the host must reconnect ({@link #needsReauthorization()}).
 */
public final class ConnectionNotActiveException extends QbmcException {
  private static final long serialVersionUID = 1L;

  private final String connectionId;
  private final ConnectionStatus status;

  /**
   * Creates the exception.
   *
   * @param connectionId the connection
   * @param status its status, for example {@code DISCONNECTED} or {@code NEEDS_REAUTHORIZATION}
   */
  public ConnectionNotActiveException(String connectionId, ConnectionStatus status) {
    super(
        "connection '"
            + connectionId
            + "' is "
            + status
            + (status == ConnectionStatus.NEEDS_REAUTHORIZATION
                ? ": the QuickBooks authorisation was revoked or expired; reconnect to resume"
                : ": syncs and webhooks are refused until it is connected again"));
    this.connectionId = connectionId;
    this.status = status;
  }

  /**
   * The connection.
   *
   * @return its id
   */
  public String connectionId() {
    return connectionId;
  }

  /**
   * The status that refused the operation.
   *
   * @return the status
   */
  public ConnectionStatus status() {
    return status;
  }

  /**
   * Whether the host must send the user through the QuickBooks authorisation again.
   *
   * @return true when the status is {@code NEEDS_REAUTHORIZATION}
   */
  public boolean needsReauthorization() {
    return status == ConnectionStatus.NEEDS_REAUTHORIZATION;
  }
}
