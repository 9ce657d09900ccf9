package dev.qbmc.core.internal.store;

import dev.qbmc.core.spi.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The lease rules shared by the embedded stores, as pure functions of the stored lease. */
public final class LeaseTable {

  private LeaseTable() {}

  /**
   * Decides an acquisition.
   *
   * @param current the stored lease, or null
   * @param lastToken the last token handed out for the connection (0 if none)
   * @param connectionId the connection
   * @param owner the would-be owner
   * @param ttl the time to live
   * @param now the current time
   * @return the new lease, or empty when {@code current} is still valid
   */
  public static Optional<Lease> acquire(
      Lease current, long lastToken, String connectionId, String owner, Duration ttl, Instant now) {
    Args.notBlank(connectionId, "connectionId");
    Args.notBlank(owner, "owner");
    Args.positive(ttl, "ttl");
    Args.notNull(now, "now");
    if (current != null && !current.isExpiredAt(now)) {
      return Optional.empty();
    }
    long token = Math.max(lastToken, current == null ? 0 : current.token()) + 1;
    return Optional.of(Lease.of(connectionId, owner, token, now, now.plus(ttl)));
  }

  /**
   * Decides a renewal.
   *
   * @param current the stored lease, or null
   * @param held the lease the caller holds
   * @param ttl the new time to live
   * @param now the current time
   * @return the renewed lease, or empty when it was lost or has expired
   */
  public static Optional<Lease> renew(Lease current, Lease held, Duration ttl, Instant now) {
    Args.notNull(held, "lease");
    Args.positive(ttl, "ttl");
    Args.notNull(now, "now");
    if (!isHeld(current, held) || current.isExpiredAt(now)) {
      return Optional.empty();
    }
    return Optional.of(
        Lease.of(held.connectionId(), held.owner(), held.token(), current.acquiredAt(), now.plus(ttl)));
  }

  /**
   * Whether the stored lease is the one held.
   *
   * @param current the stored lease, or null
   * @param held the lease the caller holds
   * @return true when same token and owner
   */
  public static boolean isHeld(Lease current, Lease held) {
    return current != null
        && current.token() == held.token()
        && current.owner().equals(held.owner());
  }
}
