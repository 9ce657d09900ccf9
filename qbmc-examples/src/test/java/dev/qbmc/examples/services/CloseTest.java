package dev.qbmc.examples.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.Qbmc;
import dev.qbmc.core.SyncListener;
import dev.qbmc.core.SyncPhase;
import dev.qbmc.core.SyncProgress;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.SyncOutcome;
import dev.qbmc.core.report.SyncReport;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code Qbmc.close()} stops the work running in the instance: a long first sync closed midway
 * returns a {@code FAILED} report with {@code QBMC_CLOSED} that its run record keeps, writes nothing
 * to Mailchimp after {@code close} returned, keeps what it committed, and the next instance's sync
 * resumes and completes it.
 */
class CloseTest {

  @Test
  void closingInTheMiddleOfALongSync_stopsIt_withAReport_andTheNextSyncCompletesIt() throws Exception {
    CountDownLatch midway = new CountDownLatch(1);
    SyncListener listener = new SyncListener() {
      @Override
      public void onProgress(SyncProgress progress) {
        if (progress.phase() == SyncPhase.ORDERS && progress.done() >= 40) {
          midway.countDown();
        }
      }
    };
    ExecutorService host = Executors.newSingleThreadExecutor();
    try (SimulatedWorld world = new SimulatedWorld()) {
      Qbmc closing = world.qbmc(b -> b.chunkSize(20).listener(listener).shutdownGrace(Duration.ofSeconds(60)));
      world.connect(closing);
      Future<SyncReport> sync = host.submit(() -> closing.sync(SimulatedWorld.CONNECTION));
      assertThat(midway.await(60, TimeUnit.SECONDS)).isTrue();

      closing.close();
      long writesWhenClosed = world.mailchimpWrites();
      SyncReport report = sync.get(60, TimeUnit.SECONDS);
      closing.close(); // again: nothing

      assertThat(report.outcome()).isEqualTo(SyncOutcome.FAILED);
      assertThat(report.failures()).extracting(f -> f.code()).containsExactly("QBMC_CLOSED");
      assertThat(world.mailchimpWrites()).as("Mailchimp writes after close returned").isEqualTo(writesWhenClosed);
      assertThat(world.state.recentRuns(SimulatedWorld.CONNECTION, 1))
          .singleElement().satisfies(r -> assertThat(r.runId()).isEqualTo(report.runId()));
      assertThat(world.state.countStates(SimulatedWorld.CONNECTION, RecordKind.CUSTOMER)).isPositive();
      assertThat(world.state.cursor(SimulatedWorld.CONNECTION)).isEmpty();
      assertThat(world.state.currentLease(SimulatedWorld.CONNECTION)).isEmpty();

      try (Qbmc next = world.qbmc()) {
        SyncReport resumed = next.sync(SimulatedWorld.CONNECTION);
        assertThat(resumed.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        world.mailchimp.requestLog().reset();
        assertThat(next.sync(SimulatedWorld.CONNECTION).failures()).isEmpty();
        assertThat(world.mailchimpWrites()).as("the resumed sync left nothing to write").isZero();
      }
    } finally {
      host.shutdownNow();
    }
  }
}
