package dev.qbmc.core;

import dev.qbmc.core.model.Provider;


/**
 * No usable credentials are stored for a connection and API: complete that API's authorisation
 * (or store an API key) first.
 */
public final class MissingCredentialsException extends QbmcException {
  private static final long serialVersionUID = 1L;

  private final String connectionId;
  private final Provider provider;

  /**
   * Creates the exception.
   *
   * @param connectionId the connection
   * @param provider the API whose credentials are missing
   */
  public MissingCredentialsException(String connectionId, Provider provider) {
    super("no usable " + provider + " credentials are stored for connection '" + connectionId
        + "'; complete the authorisation first");
    this.connectionId = connectionId;
    this.provider = provider;
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
   * The API whose credentials are missing.
   *
   * @return the provider
   */
  public Provider provider() {
    return provider;
  }
}
