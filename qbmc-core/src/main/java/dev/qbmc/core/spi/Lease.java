package dev.qbmc.core.spi;

import dev.qbmc.core.internal.QbmcStyle;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * The right to run the one sync of a connection until {@link #expiresAt()}. Acquired with {@link
 * SyncStateStore#tryAcquireLease}, kept alive with {@link SyncStateStore#renewLease} and given
 * back with {@link SyncStateStore#releaseLease}. Each acquisition gets a new, larger {@link
 * #token()}, so a holder whose lease was taken over after expiry can no longer renew or release it.
 */
@Value.Immutable
@QbmcStyle
public abstract class Lease {

  Lease() {}

  /**
   * The connection the lease is for.
   *
   * @return the connection id
   */
  public abstract String connectionId();

  /**
   * Who holds the lease (for example host name plus worker id).
   *
   * @return the owner
   */
  public abstract String owner();

  /**
   * The fencing token of this acquisition; strictly increasing per connection.
   *
   * @return a positive token
   */
  public abstract long token();

  /**
   * When the lease was acquired.
   *
   * @return the instant
   */
  public abstract Instant acquiredAt();

  /**
   * When the lease expires unless renewed; from then on another owner may take it over.
   *
   * @return the instant
   */
  public abstract Instant expiresAt();

  /**
   * Whether the lease has expired at the given instant.
   *
   * @param now the current time
   * @return true when {@code now} is at or after {@link #expiresAt()}
   */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt());
  }

  /**
   * Creates a lease (used by store implementations).
   *
   * @param connectionId the connection
   * @param owner the holder
   * @param token the fencing token
   * @param acquiredAt when it was acquired
   * @param expiresAt when it expires
   * @return the lease
   */
  public static Lease of(
      String connectionId, String owner, long token, Instant acquiredAt, Instant expiresAt) {
    return ImmutableLease.builder()
        .connectionId(connectionId)
        .owner(owner)
        .token(token)
        .acquiredAt(acquiredAt)
        .expiresAt(expiresAt)
        .build();
  }
}
