package dev.qbmc.core.spi;

import dev.qbmc.core.internal.QbmcStyle;
import org.immutables.value.Value;

/**
 * Tokens as loaded from a {@link TokenStore}, with the version to pass to {@link
 * TokenStore#compareAndSet} when replacing them.
 */
@Value.Immutable(builder = false)
@QbmcStyle
public abstract class VersionedTokens {

  VersionedTokens() {}

  /**
   * The stored tokens.
   *
   * @return the tokens
   */
  @Value.Parameter
  public abstract StoredTokens tokens();

  /**
   * The version of the stored tokens: 1 for the first write, incremented by every successful
   * compare-and-set.
   *
   * @return a positive version
   */
  @Value.Parameter
  public abstract long version();

  @Value.Check
  void check() {
    if (version() < 1) {
      throw new IllegalArgumentException("version must be positive, was " + version());
    }
  }

  /**
   * Creates a versioned value.
   *
   * @param tokens the tokens
   * @param version the positive version
   * @return the value
   */
  public static VersionedTokens of(StoredTokens tokens, long version) {
    return ImmutableVersionedTokens.of(tokens, version);
  }
}
