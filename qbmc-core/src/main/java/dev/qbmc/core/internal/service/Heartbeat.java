package dev.qbmc.core.internal.service;

import dev.qbmc.core.spi.Lease;
import dev.qbmc.core.spi.SyncStateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps one run's lease alive: {@link #beat()} renews it once a third of its TTL has passed since the
 * last renewal (measured with the injected clock), and is called on every API attempt of the run's
 * clients (each QBO page, each batch status poll, each retry), at every chunk, and by the {@link
 * LeaseKeeper}'s ticker while the run waits inside a client. A renewal the store refuses (the lease
 * expired or was taken over) marks the lease {@linkplain #lost() lost} for good: the run then writes
 * nothing more. Thread-safe (parallel QBO paging beats from its own threads).
 */
final class Heartbeat {
  private static final System.Logger LOG = System.getLogger(Heartbeat.class.getName());

  private final SyncStateStore store;
  private final Clock clock;
  private final Duration ttl;
  private final Duration interval;
  private Lease lease;
  private Instant renewedAt;
  private Instant renewUntil = Instant.MAX;
  private volatile boolean lost;

  Heartbeat(SyncStateStore store, Lease lease, Duration ttl, Clock clock) {
    this.store = store;
    this.lease = lease;
    this.ttl = ttl;
    this.clock = clock;
    this.interval = ttl.dividedBy(3);
    this.renewedAt = clock.instant();
  }

  /**
   * Renews the lease when a third of its TTL has passed since the last renewal; never throws.
   *
   * @return true when it renewed the lease just now
   */
  boolean beat() {
    if (lost) {
      return false;
    }
    synchronized (this) {
      Instant now = clock.instant();
      if (lost || Duration.between(renewedAt, now).compareTo(interval) < 0 || now.isAfter(renewUntil)) {
        return false;
      }
      try {
        Optional<Lease> renewed = store.renewLease(lease, ttl, now);
        if (renewed.isPresent()) {
          lease = renewed.get();
          renewedAt = now;
          return true;
        } else {
          lost = true;
          LOG.log(System.Logger.Level.WARNING, "sync of {0} lost its lease (expired or taken over); it stops writing",
              lease.connectionId());
        }
      } catch (RuntimeException e) {
        // A store that fails now may answer at the next beat; the lease lasts a whole TTL.
        LOG.log(System.Logger.Level.WARNING, "renewing the lease of {0} failed: {1}", lease.connectionId(),
            e.getClass().getName());
      }
      return false;
    }
  }

  /**
   * Renews no more after {@code last}: a run asked to stop keeps its lease while it finishes the
   * write in flight, but a run that hangs lets it expire, so that disconnect can take it over.
   *
   * @param last the last instant a renewal may happen
   */
  synchronized void renewUntil(Instant last) {
    if (last.isBefore(renewUntil)) {
      renewUntil = last;
    }
  }

  /** {@return whether a renewal was refused: the run must write nothing more} */
  boolean lost() {
    return lost;
  }

  /** {@return the lease as last renewed (its token never changes)} */
  synchronized Lease lease() {
    return lease;
  }

  /** {@return the renewal interval, a third of the TTL} */
  Duration interval() {
    return interval;
  }
}
