package dev.qbmc.core.internal.service;

import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.spi.Checkpoint;
import dev.qbmc.core.spi.Lease;
import dev.qbmc.core.spi.SyncStateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One running sync as the rest of this {@code Qbmc} sees it: its lease and {@link Heartbeat}, a
 * stop request (disconnect, close) and the moment it ended. The run asks {@link #beforeWrite()}
 * before every Mailchimp write and writes its state only through {@link #commit}; both refuse, with
 * {@link SyncRun.CommitRefused}, once a stop was requested, the heartbeat lost the lease, or the
 * store no longer accepts the lease (taken over, connection paused or disconnected, in this process
 * or another).
 */
final class RunControl {
  private static final Checkpoint NOTHING = Checkpoint.builder().build();

  private final SyncStateStore store;
  private final Lease lease;
  private final Heartbeat heartbeat;
  private final Clock clock;
  private final Duration linger;
  private final CountDownLatch ended = new CountDownLatch(1);
  /** The thread that runs the sync (the one that acquired the lease). */
  private final Thread thread = Thread.currentThread();
  private volatile String stopCode;
  /** Chunk writes of the run in progress, on its write threads or its own; guarded by this. */
  private int writes;

  /**
   * @param linger how long a run asked to stop may keep renewing its lease to finish the write in
   *     flight (a {@code /batches} wait); after that a hung run lets it expire
   */
  RunControl(SyncStateStore store, Lease lease, Duration ttl, Clock clock, Duration linger) {
    this.store = store;
    this.lease = lease;
    this.clock = clock;
    this.linger = linger;
    this.heartbeat = new Heartbeat(store, lease, ttl, clock);
  }

  /** {@return the connection the run syncs} */
  String connectionId() {
    return lease.connectionId();
  }

  /** {@return the lease the run holds} */
  Lease lease() {
    return lease;
  }

  /**
   * Renews the lease when due (see {@link Heartbeat#beat()}) and, after each renewal, reads the
   * connection's status: a connection paused or disconnected (by this process or another) stops
   * the run. Never throws.
   */
  void beat() {
    if (!heartbeat.beat()) {
      return;
    }
    try {
      boolean connected = store.connection(lease.connectionId())
          .filter(c -> c.status() == ConnectionStatus.CONNECTED).isPresent();
      if (!connected) {
        requestStop(SyncService.CONNECTION_NOT_ACTIVE);
      }
    } catch (RuntimeException e) {
      // the next beat reads it again; gates and commits check the status too
    }
  }

  /**
   * Asks the run to stop before its next Mailchimp write or commit; it keeps renewing its lease for
   * at most the linger time, to finish the write in flight.
   *
   * @param code the failure code its report gets
   */
  synchronized void requestStop(String code) {
    if (stopCode == null) {
      stopCode = code;
      heartbeat.renewUntil(clock.instant().plus(linger));
    }
  }

  /** Throws when the run may write nothing more; reads nothing from the store. */
  void check() {
    String code = stopCode;
    if (code != null) {
      throw new SyncRun.CommitRefused(code);
    }
    if (heartbeat.lost()) {
      throw new SyncRun.CommitRefused(SyncService.LEASE_LOST);
    }
  }

  /**
   * The gate before a Mailchimp write: the run must not have been asked to stop nor lost its lease,
   * and the store must still accept its commits (an empty commit writes nothing and tells).
   */
  void beforeWrite() {
    check();
    heartbeat.beat();
    if (!store.commit(lease, NOTHING)) {
      throw new SyncRun.CommitRefused(null);
    }
  }

  /**
   * Commits under the run's lease.
   *
   * @param checkpoint what to write
   * @throws SyncRun.CommitRefused when the run must stop or the store refused
   */
  void commit(Checkpoint checkpoint) {
    check();
    if (!store.commit(lease, checkpoint)) {
      throw new SyncRun.CommitRefused(null);
    }
  }

  /**
   * Runs one chunk's Mailchimp writes, counted so that {@link #awaitWrites} can wait for them.
   *
   * @param write the writes
   * @param <T> what they return
   * @return what they returned
   */
  <T> T writing(Supplier<T> write) {
    synchronized (this) {
      writes++;
    }
    try {
      return write.get();
    } finally {
      synchronized (this) {
        writes--;
        notifyAll();
      }
    }
  }

  /**
   * Waits, in real time, until none of the run's chunk writes is in progress. Once a stop was
   * requested, a write in progress ends at its next gate (or when its batch wait ends), and none
   * starts.
   *
   * @param timeout the longest wait
   * @return true when none is in progress
   * @throws InterruptedException when interrupted
   */
  synchronized boolean awaitWrites(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
    while (writes > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /** {@return whether the calling thread is the run's own (e.g. a listener of the run calling back)} */
  boolean isCurrentThread() {
    return Thread.currentThread() == thread;
  }

  /** Marks the run ended (its lease released). */
  void ended() {
    ended.countDown();
  }

  /**
   * Waits, in real time, for the run to end.
   *
   * @param timeout the longest wait
   * @return true when it ended
   */
  boolean awaitEnd(Duration timeout) throws InterruptedException {
    return ended.await(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
  }
}
