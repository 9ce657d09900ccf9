package dev.qbmc.examples.sim;

import java.time.Clock;

/** A call limit per clock minute (fixed windows, as Intuit counts them). Thread-safe. */
public final class MinuteWindow {

  private final Clock clock;
  private volatile int limit;
  private long minute = Long.MIN_VALUE;
  private int count;

  /**
   * Creates a window.
   *
   * @param clock tells the minute
   * @param limit calls allowed per minute, at least 1
   */
  public MinuteWindow(Clock clock, int limit) {
    this.clock = clock;
    setLimit(limit);
  }

  /**
   * Changes the limit.
   *
   * @param limit at least 1
   */
  public void setLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    }
    this.limit = limit;
  }

  /**
   * Counts a call unless this minute's limit is reached.
   *
   * @return true when the call is allowed
   */
  public synchronized boolean tryCount() {
    long now = clock.instant().getEpochSecond() / 60;
    if (now != minute) {
      minute = now;
      count = 0;
    }
    if (count >= limit) {
      return false;
    }
    count++;
    return true;
  }
}
