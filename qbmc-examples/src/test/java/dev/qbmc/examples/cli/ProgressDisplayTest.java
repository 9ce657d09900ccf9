package dev.qbmc.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.SyncPhase;
import dev.qbmc.core.SyncProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

  @Test
  void onProgress_printsEachPhaseWhenItEnds_andLongPhasesAtMostOncePerSecond() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AtomicLong nanos = new AtomicLong();
    ProgressDisplay display = new ProgressDisplay(new PrintStream(bytes, true, StandardCharsets.UTF_8), nanos::get);

    display.onProgress(new SyncProgress("acme", SyncPhase.PRODUCTS, 0, -1));
    display.onProgress(new SyncProgress("acme", SyncPhase.PRODUCTS, 24, -1));
    display.onProgress(new SyncProgress("acme", SyncPhase.ORDERS, 0, -1));
    nanos.addAndGet(400_000_000L);
    display.onProgress(new SyncProgress("acme", SyncPhase.ORDERS, 100, -1));
    nanos.addAndGet(700_000_000L);
    display.onProgress(new SyncProgress("acme", SyncPhase.ORDERS, 200, 400));
    nanos.addAndGet(1_100_000_000L);
    display.onProgress(new SyncProgress("acme", SyncPhase.ORDERS, 400, 400));
    display.onProgress(new SyncProgress("acme", SyncPhase.FINISHED, 0, -1));

    assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "  [sync] products  done 24 records",
        "  [sync] orders    ...  200/400 records",
        "  [sync] orders    done 400 records",
        "  [sync] finished");
  }
}
