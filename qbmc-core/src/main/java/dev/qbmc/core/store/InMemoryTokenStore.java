package dev.qbmc.core.store;

import dev.qbmc.core.internal.store.Args;
import dev.qbmc.core.model.Provider;
import dev.qbmc.core.spi.StoredTokens;
import dev.qbmc.core.spi.TokenStore;
import dev.qbmc.core.spi.VersionedTokens;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TokenStore} in memory: thread-safe, lost when the JVM exits. For tests and hosts that
 * re-authorise on start.
 */
public final class InMemoryTokenStore implements TokenStore {

  private record Key(String connectionId, Provider provider) {}

  /** Stored tokens, or a tombstone (null tokens) remembering the version of deleted ones. */
  private record Slot(StoredTokens tokens, long version) {}

  private final ConcurrentHashMap<Key, Slot> tokens = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryTokenStore() {}

  @Override
  public Optional<VersionedTokens> load(String connectionId, Provider provider) {
    Slot slot = tokens.get(key(connectionId, provider));
    return slot == null || slot.tokens() == null
        ? Optional.empty()
        : Optional.of(VersionedTokens.of(slot.tokens(), slot.version()));
  }

  @Override
  public boolean compareAndSet(
      String connectionId, Provider provider, long expectedVersion, StoredTokens newTokens) {
    Key key = key(connectionId, provider);
    Args.notNull(newTokens, "newTokens");
    if (expectedVersion < 0) {
      throw new IllegalArgumentException("expectedVersion must not be negative");
    }
    boolean[] stored = {false};
    tokens.compute(
        key,
        (k, current) -> {
          boolean absent = current == null || current.tokens() == null;
          long currentVersion = absent ? 0 : current.version();
          if (currentVersion != expectedVersion) {
            return current;
          }
          stored[0] = true;
          // After a delete, versions continue from the tombstone: a writer holding a version from
          // before the delete can never match the re-created tokens (no ABA).
          long base = current == null ? 0 : current.version();
          return new Slot(newTokens, base + 1);
        });
    return stored[0];
  }

  @Override
  public void delete(String connectionId, Provider provider) {
    tokens.computeIfPresent(
        key(connectionId, provider), (k, current) -> new Slot(null, current.version()));
  }

  @Override
  public void deleteAll(String connectionId) {
    for (Provider p : Provider.values()) {
      delete(connectionId, p);
    }
  }

  private static Key key(String connectionId, Provider provider) {
    return new Key(Args.notBlank(connectionId, "connectionId"), Args.notNull(provider, "provider"));
  }

  @Override
  public String toString() {
    return "InMemoryTokenStore";
  }
}
