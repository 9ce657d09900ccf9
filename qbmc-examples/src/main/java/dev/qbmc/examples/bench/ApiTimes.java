package dev.qbmc.examples.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * When the sync waited on each API during one phase, from the clients' request listeners (every
 * attempt reports its duration when it ends) and the Mailchimp client's sleeper (batch status polls
 * and retry backoffs). Per API: the wall time during which at least one request was in flight (the
 * union of the intervals, at most the wall time) and the sum of the requests' own times (several run
 * at once). Thread-safe.
 */
final class ApiTimes {
  /** What the sync can wait on. */
  enum Kind {
    /** QBO requests in flight (waits in the client's limiter are not requests). */
    QBO,
    /** Mailchimp requests in flight. */
    MAILCHIMP,
    /** The Mailchimp client sleeping between batch status polls or before a retry. */
    MAILCHIMP_WAIT
  }

  /** One kind's time in a phase. */
  record Busy(long unionNanos, long sumNanos, long count) {
    double share(long wallNanos) {
      return wallNanos <= 0 ? 0 : (double) unionNanos / wallNanos;
    }
  }

  /** A phase's times: per kind, and the wall time during which nothing was in flight or awaited. */
  record Phase(Map<Kind, Busy> byKind, long wallNanos, long idleNanos) {
    double idleShare() {
      return wallNanos <= 0 ? 0 : (double) idleNanos / wallNanos;
    }
  }

  private final Map<Kind, List<long[]>> intervals = new EnumMap<>(Kind.class);

  ApiTimes() {
    for (Kind kind : Kind.values()) {
      intervals.put(kind, new ArrayList<>());
    }
  }

  /** Records an interval that ends now and lasted {@code nanos}. */
  void ended(Kind kind, long nanos) {
    long end = System.nanoTime();
    long[] interval = {end - Math.max(0, nanos), end};
    synchronized (this) {
      intervals.get(kind).add(interval);
    }
  }

  /** Forgets what was recorded: a new phase starts. */
  synchronized void reset() {
    intervals.values().forEach(List::clear);
  }

  /** The times of the phase that ran from {@code start} to {@code end} ({@link System#nanoTime()}). */
  synchronized Phase phase(long start, long end) {
    Map<Kind, Busy> byKind = new EnumMap<>(Kind.class);
    List<long[]> all = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      List<long[]> list = clip(intervals.get(kind), start, end);
      long sum = 0;
      for (long[] i : list) {
        sum += i[1] - i[0];
      }
      byKind.put(kind, new Busy(union(list), sum, list.size()));
      all.addAll(list);
    }
    long wall = end - start;
    return new Phase(byKind, wall, Math.max(0, wall - union(all)));
  }

  private static List<long[]> clip(List<long[]> list, long start, long end) {
    List<long[]> clipped = new ArrayList<>(list.size());
    for (long[] i : list) {
      long from = Math.max(i[0], start);
      long to = Math.min(i[1], end);
      if (to > from) {
        clipped.add(new long[] {from, to});
      }
    }
    return clipped;
  }

  /** The length of the union of the intervals. */
  static long union(List<long[]> list) {
    long[][] sorted = list.toArray(new long[0][]);
    Arrays.sort(sorted, (a, b) -> Long.compare(a[0], b[0]));
    long total = 0;
    long from = Long.MIN_VALUE;
    long to = Long.MIN_VALUE;
    for (long[] i : sorted) {
      if (i[0] > to) {
        total += to - from;
        from = i[0];
        to = i[1];
      } else if (i[1] > to) {
        to = i[1];
      }
    }
    return total + (to - from);
  }
}
