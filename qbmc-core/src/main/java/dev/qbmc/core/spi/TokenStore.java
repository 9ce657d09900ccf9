package dev.qbmc.core.spi;

import dev.qbmc.core.model.Provider;
import java.util.Optional;

/**
 * Stores the tokens of each connection, per {@link Provider}, with versioned compare-and-set
 * writes. QuickBooks rotates its refresh token on every refresh: when two workers refresh at once,
 * the first write wins and the second, made against a stale version, is refused instead of
 * overwriting the newer token. The loser reloads and uses the winner's tokens.
 *
 * <p>Implementations must be thread-safe and must keep secrets out of logs, exception messages and
 * {@code toString()}. Contract: {@code TokenStoreContractTest} in the qbmc-core test jar.
 */
public interface TokenStore {

  /**
   * Loads the tokens of a connection for a provider.
   *
   * @param connectionId the connection
   * @param provider the provider
   * @return the tokens with their version, or empty when none are stored
   */
  Optional<VersionedTokens> load(String connectionId, Provider provider);

  /**
   * Stores new tokens if, and only if, the stored version is still {@code expectedVersion}. On
   * success the stored version becomes {@code expectedVersion + 1}, except after a {@link #delete}:
   * versions then continue above the deleted tokens' version, so that a writer still holding a
   * version from before the delete can never overwrite re-created tokens.
   *
   * @param connectionId the connection
   * @param provider the provider
   * @param expectedVersion the version last loaded, or {@code 0} to write only when no tokens are
   *     stored
   * @param newTokens the tokens to store
   * @return true when stored; false when the stored version differs (nothing is written)
   * @throws IllegalArgumentException if {@code expectedVersion} is negative
   */
  boolean compareAndSet(
      String connectionId, Provider provider, long expectedVersion, StoredTokens newTokens);

  /**
   * Deletes the tokens of a connection for a provider; deleting absent tokens does nothing. A later
   * {@code compareAndSet} with expected version 0 may store new ones.
   *
   * @param connectionId the connection
   * @param provider the provider
   */
  void delete(String connectionId, Provider provider);

  /**
   * Deletes the tokens of a connection for every provider.
   *
   * @param connectionId the connection
   */
  void deleteAll(String connectionId);
}
