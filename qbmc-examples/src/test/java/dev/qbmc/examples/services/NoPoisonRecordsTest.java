package dev.qbmc.examples.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.Qbmc;
import dev.qbmc.core.model.QboEntity;
import dev.qbmc.examples.sim.quickbooks.SimEntity;
import dev.qbmc.core.model.SkipReason;
import dev.qbmc.core.model.SyncOutcome;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.core.spi.SyncStateStore;
import dev.qbmc.core.store.InMemorySyncStateStore;
import dev.qbmc.examples.sim.Fault;
import dev.qbmc.examples.sim.FaultInjector;
import dev.qbmc.examples.sim.SimResponse;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * No value from QBO or Mailchimp blocks a connection: a record Mailchimp refuses is skipped with
 * its reason whatever characters its address holds, a malformed answer fails only the writes it
 * concerns, and anything unexpected ends the run with a FAILED report and a run record.
 */
class NoPoisonRecordsTest {

  @Test
  void anAddressWithADollarSignThatMailchimpRefuses_isSkippedWithItsReason_runAfterRun() {
    try (SimulatedWorld world = new SimulatedWorld(); Qbmc qbmc = world.qbmc()) {
      world.connect(qbmc);
      String id = world.qbo.addCustomer("Dollar Fan", "$fan\\@shop.invalid".replace("\\", "")).path("Id").asText();

      for (int run = 0; run < 2; run++) {
        SyncReport report = qbmc.sync(SimulatedWorld.CONNECTION);

        assertThat(report.failures()).isEmpty();
        assertThat(report.skipped()).filteredOn(s -> s.qboId().equals(id) && s.entityType() == QboEntity.CUSTOMER)
            .singleElement().satisfies(s -> {
          assertThat(s.entityType()).isEqualTo(QboEntity.CUSTOMER);
          assertThat(s.reason()).isEqualTo(SkipReason.FAKE_OR_INVALID_EMAIL);
          assertThat(s.detail()).hasValue("$***@shop.invalid looks fake or invalid, please enter a real email address.");
        });
        assertThat(qbmc.recentRuns(SimulatedWorld.CONNECTION, 1)).singleElement()
            .satisfies(r -> assertThat(r.outcome()).contains(SyncOutcome.SUCCEEDED));
        world.clock.advance(Duration.ofMinutes(1));
        world.qbo.update(SimEntity.CUSTOMER, id, c -> c.put("Notes", "again"));
      }
    }
  }

  @Test
  void aBatchAnswerWithAnUnusableResultsUrl_failsItsWritesOnly_andTheNextRunWritesThem() {
    assertMalformedBatchAnswerFailsItsWritesOnly("POST", "/3.0/batches", SimResponse.text(200, "application/json",
        "{\"id\":\"b\",\"status\":\"finished\",\"total_operations\":5,\"response_body_url\":\"::no url\"}"));
  }

  @Test
  void aCorruptResultsArchive_failsItsWritesOnly_andTheNextRunWritesThem() {
    assertMalformedBatchAnswerFailsItsWritesOnly("GET", "/batch-results/{file}",
        SimResponse.text(200, "application/x-gzip", "not a gzip archive"));
  }

  private static void assertMalformedBatchAnswerFailsItsWritesOnly(String method, String route, SimResponse answer) {
    try (SimulatedWorld world = new SimulatedWorld(); Qbmc qbmc = world.qbmc()) {
      world.connect(qbmc);
      FaultInjector faults = world.mailchimp.faults();
      faults.onRequest(FaultInjector.route(method, route), 1, Fault.respond(answer));

      SyncReport report = qbmc.sync(SimulatedWorld.CONNECTION);

      assertThat(faults.fired()).isEqualTo(1);
      assertThat(report.outcome()).isEqualTo(SyncOutcome.PARTIAL);
      assertThat(report.failures()).isNotEmpty().allSatisfy(f -> assertThat(f.code()).isEqualTo("NO_RESULT"));
      assertThat(qbmc.recentRuns(SimulatedWorld.CONNECTION, 1)).singleElement()
          .satisfies(r -> assertThat(r.outcome()).contains(SyncOutcome.PARTIAL));
      assertThat(qbmc.sync(SimulatedWorld.CONNECTION).failures()).isEmpty();
    }
  }

  @Test
  void anUnexpectedFailure_endsTheRunWithAFailedReportAndARunRecord() {
    AtomicBoolean broken = new AtomicBoolean(true);
    SyncStateStore store = failingOnce(new InMemorySyncStateStore(), "states", broken);
    try (SimulatedWorld world = new SimulatedWorld(); Qbmc qbmc = world.qbmc(b -> b.stateStore(store))) {
      world.connect(qbmc);

      SyncReport report = qbmc.sync(SimulatedWorld.CONNECTION);

      assertThat(report.outcome()).isEqualTo(SyncOutcome.FAILED);
      assertThat(report.failures()).singleElement().satisfies(f -> {
        assertThat(f.code()).isEqualTo("IllegalStateException");
        assertThat(f.message()).isEqualTo("disk full");
      });
      assertThat(qbmc.recentRuns(SimulatedWorld.CONNECTION, 1)).singleElement()
          .satisfies(r -> assertThat(r.outcome()).contains(SyncOutcome.FAILED));
      assertThat(broken).isFalse();
      assertThat(qbmc.sync(SimulatedWorld.CONNECTION).failures()).isEmpty();
    }
  }

  /** The store, except that {@code method} throws once while {@code broken} (a full disk, a bug). */
  private static SyncStateStore failingOnce(SyncStateStore store, String method, AtomicBoolean broken) {
    return (SyncStateStore) Proxy.newProxyInstance(SyncStateStore.class.getClassLoader(),
        new Class<?>[] {SyncStateStore.class}, (proxy, m, args) -> {
          if (m.getName().equals(method) && broken.compareAndSet(true, false)) {
            throw new IllegalStateException("disk full");
          }
          try {
            return m.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
