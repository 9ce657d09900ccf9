package dev.qbmc.quickbooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;

/**
 * Per-realm limits shared by all threads of one client: at most {@code maxInFlight} requests at
 * once (a fair semaphore) and at most {@code perMinute} request starts in any rolling 60 seconds
 * (timestamps of recent starts, read from the injected clock). After throttling, {@link #pauseFor}
 * makes every thread wait until QBO's wait has passed, never longer than {@link #MAX_PAUSE}.
 */
final class RealmLimiter {
  private static final Duration WINDOW = Duration.ofMinutes(1);
  /** The longest pause of the realm, whatever wait was asked for. */
  static final Duration MAX_PAUSE = QuickBooksRetryPolicy.MAX_WAIT;

  private final Semaphore inFlight;
  private final int perMinute;
  private final Clock clock;
  private final QuickBooksSleeper sleeper;
  private final Deque<Instant> starts = new ArrayDeque<>();
  private Instant pausedUntil = Instant.MIN;

  RealmLimiter(int maxInFlight, int perMinute, Clock clock, QuickBooksSleeper sleeper) {
    this.inFlight = new Semaphore(maxInFlight, true);
    this.perMinute = perMinute;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Waits for a free slot and a free place in the rolling minute.
   *
   * @throws InterruptedException when interrupted while waiting
   */
  void acquire() throws InterruptedException {
    inFlight.acquire();
    try {
      awaitPause();
      awaitWindow();
    } catch (InterruptedException | RuntimeException e) {
      inFlight.release();
      throw e;
    }
  }

  /** Frees the slot taken by {@link #acquire()}. */
  void release() {
    inFlight.release();
  }

  /**
   * Makes all threads wait this long from now before their next request.
   *
   * @param wait the pause, capped at {@link #MAX_PAUSE} (a negative one is none)
   */
  synchronized void pauseFor(Duration wait) {
    Duration capped = wait.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : wait;
    Instant until = clock.instant().plus(capped);
    if (until.isAfter(pausedUntil)) {
      pausedUntil = until;
    }
  }

  private void awaitPause() throws InterruptedException {
    Duration wait;
    synchronized (this) {
      wait = Duration.between(clock.instant(), pausedUntil);
    }
    if (!wait.isNegative() && !wait.isZero()) {
      // Wait once: a sleeper whose clock does not move (tests) must not make this spin.
      sleeper.sleep(wait);
    }
  }

  private void awaitWindow() throws InterruptedException {
    while (true) {
      Duration wait;
      synchronized (this) {
        Instant now = clock.instant();
        Instant cutoff = now.minus(WINDOW);
        while (!starts.isEmpty() && !starts.peekFirst().isAfter(cutoff)) {
          starts.pollFirst();
        }
        if (starts.size() < perMinute) {
          starts.addLast(now);
          return;
        }
        wait = Duration.between(now, starts.peekFirst().plus(WINDOW));
      }
      sleeper.sleep(wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait);
    }
  }
}
