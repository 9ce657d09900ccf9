package dev.qbmc.examples.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.model.SyncOutcome;
import dev.qbmc.core.report.SyncReport;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Several chunks' Mailchimp batches in flight ({@code Qbmc.Builder.batchesInFlight}) change when
 * writes happen, not what they leave: a sync whose first batch is answered only once a second
 * chunk's batch arrived ends, full and incremental, with the same Mailchimp data, the same record
 * states and the same report counts as a sync that writes one chunk at a time, and a further sync
 * writes nothing.
 */
class BatchesInFlightTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void chunksAreWrittenWhileAnEarlierBatchRuns_andEndWhereOneChunkAtATimeEnds() throws Exception {
    AtomicInteger batches = new AtomicInteger();
    CountDownLatch twoBatches = new CountDownLatch(2);
    AtomicBoolean overlapped = new AtomicBoolean();
    // the simulator answers the first POST /batches only once a second one arrived (at most 30 s)
    Executor firstWaitsForSecond = job -> {
      int n = batches.incrementAndGet();
      twoBatches.countDown();
      if (n == 1) {
        try {
          overlapped.set(twoBatches.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      job.run();
    };
    try (SweepWorld parallel = new SweepWorld(http, 4, firstWaitsForSecond);
        SweepWorld serial = new SweepWorld(http, 1, Runnable::run)) {
      parallel.connect();
      serial.connect();

      SyncReport fullParallel = succeeded(parallel.sync());
      SyncReport fullSerial = succeeded(serial.sync());
      assertThat(overlapped).as("a second chunk's batch was sent while the first ran").isTrue();
      assertThat(fullParallel.counts()).isEqualTo(fullSerial.counts());
      assertThat(fullParallel.skipped()).containsExactlyInAnyOrderElementsOf(fullSerial.skipped());
      assertSameOutcome(parallel, serial);

      parallel.editQuickBooks();
      serial.editQuickBooks();
      SyncReport incrementalParallel = succeeded(parallel.sync());
      SyncReport incrementalSerial = succeeded(serial.sync());
      assertThat(incrementalParallel.counts()).isEqualTo(incrementalSerial.counts());
      assertSameOutcome(parallel, serial);

      int before = writes(parallel).size();
      succeeded(parallel.sync());
      assertThat(writes(parallel)).hasSize(before);
    }
  }

  private static SyncReport succeeded(SyncReport report) {
    assertThat(report.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
    assertThat(report.failures()).isEmpty();
    return report;
  }

  private static void assertSameOutcome(SweepWorld parallel, SweepWorld serial) {
    assertThat(parallel.mailchimpState()).isEqualTo(serial.mailchimpState());
    for (RecordKind kind : RecordKind.values()) {
      assertThat(states(parallel, kind)).as(kind.name()).isEqualTo(states(serial, kind));
    }
  }

  /** The world's record states of a kind, as sorted lines. */
  private static List<String> states(SweepWorld world, RecordKind kind) {
    try (Stream<RecordState> states = world.state.streamStates(SweepWorld.CONNECTION, kind)) {
      return states.map(s -> s.key() + " " + s.fingerprint() + " " + s.mailchimpId().orElse("-") + " "
          + s.memo().orElse("-")).sorted().toList();
    }
  }

  /** The Mailchimp requests that write, in order. */
  private static List<String> writes(SweepWorld world) {
    List<String> writes = new ArrayList<>();
    synchronized (world.mailchimpRequests) {
      for (String request : world.mailchimpRequests) {
        if (!request.startsWith("GET ")) {
          writes.add(request);
        }
      }
    }
    return writes;
  }
}
