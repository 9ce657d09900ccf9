package dev.qbmc.core.internal.service;

import dev.qbmc.core.SyncPhase;
import java.util.EnumMap;
import java.util.Map;

/**
 * A full read's progress, without totals in advance (counting every query would cost a call per
 * entity): a phase is announced before its first chunk is applied, reports its rows after each
 * chunk with an unknown total ({@code -1}), and reports its final count as done and total when the
 * next phase starts or the read ends. A chunk may hold rows of two phases (items and customers).
 */
final class FullReadProgress {
  /** Where progress goes: the run's listener. */
  @FunctionalInterface
  interface Sink {
    void progress(SyncPhase phase, long done, long total);
  }

  private final Sink sink;
  private final Map<SyncPhase, Long> done = new EnumMap<>(SyncPhase.class);
  private final Map<SyncPhase, Long> pending = new EnumMap<>(SyncPhase.class);
  private SyncPhase phase;

  FullReadProgress(Sink sink) {
    this.sink = sink;
  }

  /** A chunk about to be applied holds {@code rows} of {@code next}; called in phase order. */
  void before(SyncPhase next, long rows) {
    if (rows == 0) {
      return;
    }
    if (next != phase) {
      end();
      phase = next;
      sink.progress(phase, done.getOrDefault(phase, 0L), -1);
    }
    pending.merge(next, rows, Long::sum);
  }

  /** The chunk announced by {@link #before} was applied. */
  void after() {
    pending.forEach((p, rows) -> done.merge(p, rows, Long::sum));
    pending.clear();
    if (phase != null) {
      sink.progress(phase, done.getOrDefault(phase, 0L), -1);
    }
  }

  /** The current phase is over: its final count (its rows of the chunk being applied included). */
  void end() {
    if (phase != null) {
      long total = done.getOrDefault(phase, 0L) + pending.getOrDefault(phase, 0L);
      sink.progress(phase, total, total);
    }
  }
}
