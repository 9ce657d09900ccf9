package dev.qbmc.core;

import dev.qbmc.core.model.Provider;
import java.util.Objects;

/**
 * New tokens could not be stored because the stored ones kept changing concurrently: every
 * compare-and-set write of the {@link dev.qbmc.core.spi.TokenStore} lost its race, a bounded number
 * of times in a row. The tokens given were not stored; storing them again later may succeed.
 */
public final class ConcurrentTokenUpdateException extends QbmcException {
  private static final long serialVersionUID = 1L;

  private final String connectionId;
  private final Provider provider;

  /**
   * Creates the exception.
   *
   * @param connectionId the connection whose tokens were being stored
   * @param provider whose tokens they were
   */
  public ConcurrentTokenUpdateException(String connectionId, Provider provider) {
    super("could not store the " + provider + " tokens of connection '" + connectionId
        + "': they kept changing concurrently");
    this.connectionId = connectionId;
    this.provider = Objects.requireNonNull(provider, "provider");
  }

  /**
   * The connection whose tokens were being stored.
   *
   * @return the connection id
   */
  public String connectionId() {
    return connectionId;
  }

  /**
   * Whose tokens they were.
   *
   * @return the provider
   */
  public Provider provider() {
    return provider;
  }
}
