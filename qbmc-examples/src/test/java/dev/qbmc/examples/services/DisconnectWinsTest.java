package dev.qbmc.examples.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.Qbmc;
import dev.qbmc.core.SyncListener;
import dev.qbmc.core.SyncPhase;
import dev.qbmc.core.SyncProgress;
import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.SyncOutcome;
import dev.qbmc.core.report.SyncReport;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Disconnect wins over a running sync: disconnecting in the middle of a long first sync (small
 * chunks, many waves), from the same {@code Qbmc} or from another one sharing the stores, leaves no
 * Mailchimp write after {@code disconnect} returned (the Mailchimp simulator's request log) and no
 * record state; the sync ends with a {@code CONNECTION_NOT_ACTIVE} report that its run record keeps.
 */
class DisconnectWinsTest {
  private static final int ORDERS_BEFORE_DISCONNECT = 40;

  /** Counts down once the sync has written some orders, and lets it go on. */
  private static SyncListener midway(CountDownLatch latch) {
    return new SyncListener() {
      @Override
      public void onProgress(SyncProgress progress) {
        if (progress.phase() == SyncPhase.ORDERS && progress.done() >= ORDERS_BEFORE_DISCONNECT) {
          latch.countDown();
        }
      }
    };
  }

  @Test
  void disconnectInTheMiddleOfALongSync_ofThisInstance_leavesNoWriteAfterItAndNoState() throws Exception {
    CountDownLatch midway = new CountDownLatch(1);
    ExecutorService host = Executors.newSingleThreadExecutor();
    try (SimulatedWorld world = new SimulatedWorld();
        Qbmc qbmc = world.qbmc(b -> b.chunkSize(20).listener(midway(midway)))) {
      world.connect(qbmc);
      Future<SyncReport> sync = host.submit(() -> qbmc.sync(SimulatedWorld.CONNECTION));
      assertThat(midway.await(60, TimeUnit.SECONDS)).isTrue();

      qbmc.disconnect(SimulatedWorld.CONNECTION, false);
      long writesWhenDisconnected = world.mailchimpWrites();
      SyncReport report = sync.get(60, TimeUnit.SECONDS);

      assertDisconnectWon(world, report, writesWhenDisconnected);
    } finally {
      host.shutdownNow();
    }
  }

  @Test
  void disconnectInTheMiddleOfALongSync_ofAnotherInstance_leavesNoWriteAfterItAndNoState() throws Exception {
    CountDownLatch midway = new CountDownLatch(1);
    CountDownLatch syncEnded = new CountDownLatch(1);
    ExecutorService host = Executors.newSingleThreadExecutor();
    try (SimulatedWorld world = new SimulatedWorld();
        Qbmc syncing = world.qbmc(b -> b.chunkSize(20).listener(midway(midway)));
        // the other process waits for the lease with a sleeper that returns once the sync ended
        Qbmc disconnecting = world.qbmc(b -> b.sleeper(d -> syncEnded.await(60, TimeUnit.SECONDS)))) {
      world.connect(syncing);
      Future<SyncReport> sync = host.submit(() -> {
        try {
          return syncing.sync(SimulatedWorld.CONNECTION);
        } finally {
          syncEnded.countDown();
        }
      });
      assertThat(midway.await(60, TimeUnit.SECONDS)).isTrue();

      disconnecting.disconnect(SimulatedWorld.CONNECTION, false);
      long writesWhenDisconnected = world.mailchimpWrites();
      SyncReport report = sync.get(60, TimeUnit.SECONDS);

      assertDisconnectWon(world, report, writesWhenDisconnected);
    } finally {
      host.shutdownNow();
    }
  }

  @Test
  void disconnectCalledBackFromTheSyncsOwnListener_returnsAtOnce_andTheSyncWritesNothingAfter() {
    java.util.concurrent.atomic.AtomicReference<Qbmc> self = new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.atomic.AtomicLong writesWhenDisconnected = new java.util.concurrent.atomic.AtomicLong(-1);
    try (SimulatedWorld world = new SimulatedWorld()) {
      SyncListener disconnectMidway = new SyncListener() {
        @Override
        public void onProgress(SyncProgress progress) {
          if (progress.phase() == SyncPhase.ORDERS && progress.done() >= ORDERS_BEFORE_DISCONNECT
              && writesWhenDisconnected.get() < 0) {
            self.get().disconnect(SimulatedWorld.CONNECTION, false);
            writesWhenDisconnected.set(world.mailchimpWrites());
          }
        }
      };
      try (Qbmc qbmc = world.qbmc(b -> b.chunkSize(20).listener(disconnectMidway))) {
        self.set(qbmc);
        world.connect(qbmc);

        SyncReport report = qbmc.sync(SimulatedWorld.CONNECTION);

        assertDisconnectWon(world, report, writesWhenDisconnected.get());
      }
    }
  }

  private static void assertDisconnectWon(SimulatedWorld world, SyncReport report, long writesWhenDisconnected) {
    assertThat(world.mailchimpWrites()).as("Mailchimp writes after disconnect returned").isEqualTo(writesWhenDisconnected);
    assertThat(report.outcome()).isEqualTo(SyncOutcome.FAILED);
    assertThat(report.failures()).extracting(f -> f.code()).containsExactly("CONNECTION_NOT_ACTIVE");
    for (RecordKind kind : RecordKind.values()) {
      assertThat(world.state.countStates(SimulatedWorld.CONNECTION, kind)).as(kind.name()).isZero();
    }
    assertThat(world.state.cursor(SimulatedWorld.CONNECTION)).isEmpty();
    assertThat(world.state.connection(SimulatedWorld.CONNECTION).orElseThrow().status())
        .isEqualTo(ConnectionStatus.DISCONNECTED);
    assertThat(world.state.currentLease(SimulatedWorld.CONNECTION)).isEmpty();
    assertThat(world.mailchimp.stores()).isEmpty();
    assertThat(world.state.recentRuns(SimulatedWorld.CONNECTION, 5))
        .anySatisfy(r -> assertThat(r.runId()).isEqualTo(report.runId()));
  }
}
