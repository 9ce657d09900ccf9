package dev.qbmc.examples.cli;

import dev.qbmc.core.SyncListener;
import dev.qbmc.core.SyncPhase;
import dev.qbmc.core.SyncProgress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A {@link SyncListener} that prints sync progress for people on its own stream (the CLI uses
 * stderr, so stdout stays machine-readable): a line when a phase ends with the number of records
 * it handled, and at most one line per second while a long phase runs.
 */
public final class ProgressDisplay implements SyncListener {
  private static final long INTERVAL_NANOS = 1_000_000_000L;

  private final PrintStream out;
  private final LongSupplier nanoTime;
  private SyncProgress current;
  private long lastPrinted;

  /**
   * Creates the display.
   *
   * @param out where to print
   */
  public ProgressDisplay(PrintStream out) {
    this(out, System::nanoTime);
  }

  ProgressDisplay(PrintStream out, LongSupplier nanoTime) {
    this.out = Objects.requireNonNull(out, "out");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  @Override
  public synchronized void onProgress(SyncProgress progress) {
    long now = nanoTime.getAsLong();
    if (current != null && progress.phase() != current.phase()) {
      print(current, "done");
    }
    if (progress.phase() == SyncPhase.FINISHED) {
      out.println("  [sync] finished");
      current = null;
      return;
    }
    if (current == null || progress.phase() != current.phase()) {
      lastPrinted = now;
    } else if (now - lastPrinted >= INTERVAL_NANOS && (progress.total() < 0 || progress.done() < progress.total())) {
      print(progress, "...");
      lastPrinted = now;
    }
    current = progress;
  }

  private void print(SyncProgress progress, String state) {
    String amount = progress.total() < 0 || state.equals("done")
        ? progress.done() + " records"
        : progress.done() + "/" + progress.total() + " records";
    out.printf("  [sync] %-9s %-4s %s%n", progress.phase().name().toLowerCase(Locale.ROOT), state, amount);
  }
}
