package dev.qbmc.core.internal.service;

import dev.qbmc.core.spi.Lease;
import dev.qbmc.core.spi.SyncStateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The runs of one {@code Qbmc} instance (at most one per connection, the lease holder) and the
 * ticker that beats their {@link Heartbeat}s while they wait inside a client (a {@code Retry-After}
 * sleep, a slow response) where no API attempt beats them. The ticker is one daemon thread started
 * with the first run, ticking every sixth of the lease TTL (at most every 10 seconds) in real time;
 * each beat renews only when due by the injected clock. Instance state, never static.
 */
public final class LeaseKeeper implements AutoCloseable {
  private final SyncStateStore store;
  private final Clock clock;
  private final Duration ttl;
  private final Duration linger;
  private final Map<String, RunControl> runs = new ConcurrentHashMap<>();
  private ScheduledExecutorService ticker;
  private boolean closed;
  private volatile java.util.function.Consumer<String> onEnded = id -> {};

  /**
   * Creates the keeper.
   *
   * @param store the state store
   * @param clock the clock leases are measured with
   * @param ttl the lease TTL
   * @param linger how long a run asked to stop may keep renewing its lease to finish the write in
   *     flight
   */
  public LeaseKeeper(SyncStateStore store, Clock clock, Duration ttl, Duration linger) {
    this.store = store;
    this.clock = clock;
    this.ttl = ttl;
    this.linger = linger;
  }

  /** Registers the run that just acquired {@code lease}. */
  RunControl started(Lease lease) {
    RunControl run = new RunControl(store, lease, ttl, clock, linger);
    runs.put(lease.connectionId(), run);
    startTicker();
    return run;
  }

  /** Forgets a run whose lease was released, and tells the {@link #onEnded} listener. */
  void ended(RunControl run) {
    runs.remove(run.connectionId(), run);
    run.ended();
    try {
      onEnded.accept(run.connectionId());
    } catch (RuntimeException e) {
      System.getLogger(LeaseKeeper.class.getName()).log(System.Logger.Level.WARNING,
          "after the sync of {0}: {1}", run.connectionId(), e.getClass().getName());
    }
  }

  /** Sets what runs when a run of this instance ended (its connection id given), e.g. waiting webhooks. */
  void onEnded(java.util.function.Consumer<String> listener) {
    this.onEnded = listener;
  }

  /** Runs a task once after a real-time delay on the ticker thread (nothing once closed). */
  synchronized void later(Runnable task, Duration delay) {
    startTicker();
    if (!closed) {
      ticker.schedule(task, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
    }
  }

  /** {@return the run of the connection in this instance, if one runs} */
  Optional<RunControl> running(String connectionId) {
    return Optional.ofNullable(runs.get(connectionId));
  }

  /** {@return the runs of this instance now} */
  java.util.Collection<RunControl> runs() {
    return java.util.List.copyOf(runs.values());
  }

  private synchronized void startTicker() {
    if (ticker != null || closed) {
      return;
    }
    ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "qbmc-lease-keeper");
      thread.setDaemon(true);
      return thread;
    });
    long period = Math.max(100, Math.min(ttl.toMillis() / 6, 10_000));
    ticker.scheduleWithFixedDelay(() -> runs.values().forEach(RunControl::beat), period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * Asks every run of this instance to stop before its next Mailchimp write or commit and waits, in
   * real time, for them to end.
   *
   * @param code the failure code their reports get
   * @param grace the longest wait for all of them
   * @return true when every run ended in time
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean stopAll(String code, Duration grace) throws InterruptedException {
    long deadline = System.nanoTime() + grace.toNanos();
    java.util.Collection<RunControl> running = runs();
    running.forEach(run -> run.requestStop(code));
    boolean all = true;
    for (RunControl run : running) {
      all &= run.awaitEnd(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
    return all;
  }

  /** Stops the ticker; runs still registered are no longer beaten by it. */
  @Override
  public synchronized void close() {
    closed = true;
    if (ticker != null) {
      ticker.shutdownNow();
    }
  }
}
