package dev.qbmc.examples.bench;

import dev.qbmc.core.SyncListener;
import dev.qbmc.core.SyncPhase;
import dev.qbmc.core.SyncProgress;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * Prints a sync's progress to stderr at most every 10 seconds (and every phase change), so that a
 * run of many minutes shows where it is; the measured output stays on stdout.
 */
final class ProgressPrinter implements SyncListener {
  private static final long EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final PrintStream err;
  private final long started = System.nanoTime();
  private long lastPrinted;
  private SyncPhase lastPhase;

  ProgressPrinter(PrintStream err) {
    this.err = err;
  }

  @Override
  public synchronized void onProgress(SyncProgress progress) {
    long now = System.nanoTime();
    if (progress.phase() != lastPhase || now - lastPrinted >= EVERY_NANOS) {
      lastPhase = progress.phase();
      lastPrinted = now;
      err.printf("bench: %6.1f s  %-10s %,d%s records%n", (now - started) / 1e9, progress.phase(), progress.done(),
          progress.total() >= 0 ? String.format(" of %,d", progress.total()) : "");
    }
  }
}
