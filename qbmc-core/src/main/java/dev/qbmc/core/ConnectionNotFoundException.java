package dev.qbmc.core;

/** No connection with the given id exists in the state store. */
public final class ConnectionNotFoundException extends QbmcException {
  private static final long serialVersionUID = 1L;

  private final String connectionId;

  /**
   * Creates the exception.
   *
   * @param connectionId the id that was looked up
   */
  public ConnectionNotFoundException(String connectionId) {
    super("no connection with id '" + connectionId + "'");
    this.connectionId = connectionId;
  }

  /**
   * The id that was looked up.
   *
   * @return the connection id
   */
  public String connectionId() {
    return connectionId;
  }
}
