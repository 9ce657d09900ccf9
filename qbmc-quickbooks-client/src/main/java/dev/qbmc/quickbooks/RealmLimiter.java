package dev.qbmc.quickbooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;

/**
 * The request limits of one QuickBooks Online company (realm), shared by every client of that realm
 * that is given it ({@link QuickBooksClient.Builder#realmLimiter(RealmLimiter)}): at most {@code
 * maxInFlight} requests at once (a fair semaphore) and at most {@code maxPerMinute} request starts in
 * any rolling 60 seconds. After QBO throttled one of the clients, every client of the realm waits
 * until QBO's wait has passed, never longer than {@link #MAX_PAUSE}.
 *
 * <p>Intuit's limits hold per realm, not per client: a host that builds a client per job (one per
 * sync, say) should keep one limiter per realm and give it to each client, as {@code Qbmc} does.
 * Never share one limiter between realms. Waits use the clock and sleeper of the client that waits.
 * Thread-safe; holds no thread.
 *
 * <pre>{@code
 * RealmLimiter limits = RealmLimiter.intuitDefaults(); // keep one per realm
 * QuickBooksClient first = QuickBooksClient.builder().realmId(realm).accessTokenProvider(tokens)
 *     .realmLimiter(limits).build();
 * QuickBooksClient second = QuickBooksClient.builder().realmId(realm).accessTokenProvider(tokens)
 *     .realmLimiter(limits).build(); // together: 10 in flight, 500 a minute
 * }</pre>
 */
public final class RealmLimiter {
  /** Intuit's limit of requests in flight per realm. */
  public static final int INTUIT_MAX_IN_FLIGHT = 10;
  /** Intuit's limit of requests per minute per realm. */
  public static final int INTUIT_MAX_PER_MINUTE = 500;
  /** The longest pause of the realm, whatever wait was asked for. */
  public static final Duration MAX_PAUSE = QuickBooksRetryPolicy.MAX_WAIT;

  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final int maxInFlight;
  private final int maxPerMinute;
  private final Semaphore inFlight;
  private final Deque<Instant> starts = new ArrayDeque<>();
  private Instant pausedUntil = Instant.MIN;

  private RealmLimiter(int maxInFlight, int maxPerMinute) {
    this.maxInFlight = maxInFlight;
    this.maxPerMinute = maxPerMinute;
    this.inFlight = new Semaphore(maxInFlight, true);
  }

  /**
   * A new limiter with Intuit's per-realm limits: 10 requests in flight, 500 a minute.
   *
   * @return a new limiter; share it between the clients of one realm
   */
  public static RealmLimiter intuitDefaults() {
    return new RealmLimiter(INTUIT_MAX_IN_FLIGHT, INTUIT_MAX_PER_MINUTE);
  }

  /**
   * A new limiter with other limits (a proxy with its own, a benchmark lifting the rate).
   *
   * @param maxInFlight requests in flight at once, at least 1
   * @param maxPerMinute request starts per rolling minute, at least 1
   * @return a new limiter
   * @throws IllegalArgumentException when a limit is below 1
   */
  public static RealmLimiter of(int maxInFlight, int maxPerMinute) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1");
    }
    if (maxPerMinute < 1) {
      throw new IllegalArgumentException("maxPerMinute must be at least 1");
    }
    return new RealmLimiter(maxInFlight, maxPerMinute);
  }

  /**
   * {@return the most requests in flight at once}
   */
  public int maxInFlight() {
    return maxInFlight;
  }

  /**
   * {@return the most request starts in any rolling minute}
   */
  public int maxPerMinute() {
    return maxPerMinute;
  }

  /**
   * {@return the requests holding a slot now, across every client sharing this limiter}
   */
  public int inFlight() {
    return maxInFlight - inFlight.availablePermits();
  }

  /**
   * Waits for a free slot and a free place in the rolling minute.
   *
   * @param clock the waiting client's clock
   * @param sleeper the waiting client's sleeper
   * @throws InterruptedException when interrupted while waiting
   */
  void acquire(Clock clock, QuickBooksSleeper sleeper) throws InterruptedException {
    inFlight.acquire();
    try {
      awaitPause(clock, sleeper);
      awaitWindow(clock, sleeper);
    } catch (InterruptedException | RuntimeException e) {
      inFlight.release();
      throw e;
    }
  }

  /** Frees the slot taken by {@link #acquire}. */
  void release() {
    inFlight.release();
  }

  /**
   * Makes all clients of the realm wait this long from now before their next request.
   *
   * @param wait the pause, capped at {@link #MAX_PAUSE} (a negative one is none)
   * @param clock the throttled client's clock
   */
  synchronized void pauseFor(Duration wait, Clock clock) {
    Duration capped = wait.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : wait;
    Instant until = clock.instant().plus(capped);
    if (until.isAfter(pausedUntil)) {
      pausedUntil = until;
    }
  }

  private void awaitPause(Clock clock, QuickBooksSleeper sleeper) throws InterruptedException {
    Duration wait;
    synchronized (this) {
      wait = Duration.between(clock.instant(), pausedUntil);
    }
    if (!wait.isNegative() && !wait.isZero()) {
      // Wait once: a sleeper whose clock does not move (tests) must not make this spin.
      sleeper.sleep(wait);
    }
  }

  private void awaitWindow(Clock clock, QuickBooksSleeper sleeper) throws InterruptedException {
    while (true) {
      Duration wait;
      synchronized (this) {
        Instant now = clock.instant();
        Instant cutoff = now.minus(WINDOW);
        while (!starts.isEmpty() && !starts.peekFirst().isAfter(cutoff)) {
          starts.pollFirst();
        }
        if (starts.size() < maxPerMinute) {
          starts.addLast(now);
          return;
        }
        wait = Duration.between(now, starts.peekFirst().plus(WINDOW));
      }
      sleeper.sleep(wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait);
    }
  }

  @Override
  public String toString() {
    return "RealmLimiter[maxInFlight=" + maxInFlight + ", maxPerMinute=" + maxPerMinute + "]";
  }
}
