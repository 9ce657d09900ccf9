package dev.qbmc.examples.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.Qbmc;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.SyncOutcome;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.core.spi.Lease;
import dev.qbmc.examples.sim.FaultInjector;
import dev.qbmc.examples.sim.quickbooks.SampleCompany;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The lease heartbeat: a run keeps its lease through a {@code /batches} wait three lease TTLs long
 * (renewed at its status polls, measured with the injected clock), and a run whose lease is stolen
 * mid-run ends {@code LEASE_LOST} without one Mailchimp write or commit after the theft.
 */
class LeaseHeartbeatTest {
  private static final Duration TTL = Duration.ofMinutes(1);

  /** Batches the simulator holds until the clock passes their release time (three TTLs after submission). */
  private static final class HeldBatches {
    private final SimulatedWorld[] world = new SimulatedWorld[1];
    private final List<Map.Entry<Instant, Runnable>> held = new ArrayList<>();
    private final AtomicInteger heldCount = new AtomicInteger();

    synchronized void hold(Runnable job) {
      held.add(Map.entry(world[0].clock.instant().plus(TTL.multipliedBy(3)), job));
      heldCount.incrementAndGet();
    }

    void runDue() {
      List<Runnable> due = new ArrayList<>();
      synchronized (this) {
        held.removeIf(e -> {
          if (!e.getKey().isAfter(world[0].clock.instant())) {
            due.add(e.getValue());
            return true;
          }
          return false;
        });
      }
      due.forEach(Runnable::run);
    }
  }

  @Test
  void aBatchPendingForThreeLeaseTtls_keepsTheLease_andTheRunSucceeds() {
    HeldBatches batches = new HeldBatches();
    try (SimulatedWorld world = new SimulatedWorld(SampleCompany.create(), b -> b, b -> b.batchExecutor(batches::hold))) {
      batches.world[0] = world;
      AtomicInteger refusedTakeovers = new AtomicInteger();
      AtomicLong longestWait = new AtomicLong();
      try (Qbmc qbmc = world.qbmc(b -> b.leaseTtl(TTL), client -> client.sleeper(d -> {
        world.clock.advance(d);
        longestWait.accumulateAndGet(d.toMillis(), Math::max);
        // another process tries to take the connection over at every poll of the pending batch
        Optional<Lease> other = world.state.tryAcquireLease(SimulatedWorld.CONNECTION, "other-process", TTL,
            world.clock.instant());
        assertThat(other).as("the running sync's lease is renewed while its batch is pending").isEmpty();
        refusedTakeovers.incrementAndGet();
        batches.runDue();
      }))) {
        world.connect(qbmc);

        SyncReport report = qbmc.sync(SimulatedWorld.CONNECTION);

        assertThat(batches.heldCount.get()).isPositive();
        assertThat(refusedTakeovers.get()).isGreaterThan(10);
        assertThat(report.failures()).isEmpty();
        assertThat(report.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(Duration.between(report.startedAt(), report.finishedAt()))
            .as("the run lasted many lease TTLs")
            .isGreaterThan(TTL.multipliedBy(3L * batches.heldCount.get()));
      }
    }
  }

  @Test
  void aLeaseStolenMidRun_endsTheRunLeaseLost_withNoMailchimpWriteAndNoCommitAfter() {
    try (SimulatedWorld world = new SimulatedWorld()) {
      AtomicReference<Long> writesAtTheft = new AtomicReference<>();
      AtomicReference<Long> statesAtTheft = new AtomicReference<>();
      // while it reads its first batch's results, the run stalls past its TTL and another process takes over
      world.mailchimp.faults().onRequest(FaultInjector.route("GET", "/batch-results/{file}"), 1,
          (request, normal, sleeper) -> {
            world.clock.advance(TTL.multipliedBy(2));
            assertThat(world.state.tryAcquireLease(SimulatedWorld.CONNECTION, "thief", Duration.ofHours(1),
                world.clock.instant())).isPresent();
            writesAtTheft.set(world.mailchimpWrites());
            statesAtTheft.set(states(world));
            return normal.apply(request);
          });
      try (Qbmc qbmc = world.qbmc(b -> b.leaseTtl(TTL))) {
        world.connect(qbmc);

        SyncReport report = qbmc.sync(SimulatedWorld.CONNECTION);

        assertThat(writesAtTheft.get()).as("the lease was stolen mid-run").isNotNull();
        assertThat(report.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(report.failures()).extracting(f -> f.code()).containsExactly("LEASE_LOST");
        assertThat(world.mailchimpWrites()).as("no Mailchimp write after the theft").isEqualTo(writesAtTheft.get());
        assertThat(states(world)).as("no commit after the theft").isEqualTo(statesAtTheft.get());
        assertThat(world.state.cursor(SimulatedWorld.CONNECTION)).isEmpty();
        assertThat(world.state.recentRuns(SimulatedWorld.CONNECTION, 1))
            .singleElement()
            .satisfies(r -> assertThat(r.runId()).isEqualTo(report.runId()));
      }
    }
  }

  private static long states(SimulatedWorld world) {
    long n = 0;
    for (RecordKind kind : RecordKind.values()) {
      n += world.state.countStates(SimulatedWorld.CONNECTION, kind);
    }
    return n;
  }
}
