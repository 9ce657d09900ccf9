package dev.qbmc.examples.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qbmc.core.ConnectionNotActiveException;
import dev.qbmc.core.Qbmc;
import dev.qbmc.core.SyncAlreadyRunningException;
import dev.qbmc.core.SyncListener;
import dev.qbmc.core.SyncPhase;
import dev.qbmc.core.SyncProgress;
import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.SyncMode;
import dev.qbmc.core.model.SyncOutcome;
import dev.qbmc.examples.sim.quickbooks.SimEntity;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.examples.sim.mailchimp.MemberView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RobustnessTest {

  @Test
  void aCrashAfterKWrites_thenARerun_convergesToTheCleanRunsState_withNoDuplicates() {
    Map<String, String> cleanMembers;
    Map<String, String> cleanOrders;
    try (SimulatedWorld clean = new SimulatedWorld(); Qbmc qbmc = clean.qbmc(b -> b.chunkSize(25))) {
      Connection c = clean.connect(qbmc);
      assertThat(qbmc.sync(SimulatedWorld.CONNECTION).failures()).isEmpty();
      cleanMembers = members(clean.mailchimp.members(clean.listId));
      cleanOrders = orders(clean, c.storeId());
    }
    for (int crashAfter : new int[] {12, 40}) {
      try (SimulatedWorld world = new SimulatedWorld()) {
        Connection c;
        try (Qbmc setup = world.qbmc()) {
          c = world.connect(setup);
        }
        try (Qbmc crashing = world.qbmc(b -> b.chunkSize(25), mc -> mc.httpClient(new CrashingHttpClient(crashAfter)))) {
          assertThatThrownBy(() -> crashing.sync(SimulatedWorld.CONNECTION))
              .isInstanceOf(CrashingHttpClient.SimulatedCrash.class);
        }
        try (Qbmc rerun = world.qbmc(b -> b.chunkSize(25))) {
          SyncReport report = rerun.sync(SimulatedWorld.CONNECTION);
          assertThat(report.failures()).isEmpty();
          assertThat(rerun.sync(SimulatedWorld.CONNECTION).totals().created()).isZero();
        }
        assertThat(members(world.mailchimp.members(world.listId))).isEqualTo(cleanMembers);
        assertThat(orders(world, c.storeId())).isEqualTo(cleanOrders);
      }
    }
  }

  @Test
  void twoThreadsSyncingOneConnection_onlyOneRuns() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean blocked = new AtomicBoolean();
    SyncListener blocking = new SyncListener() {
      @Override
      public void onProgress(SyncProgress progress) {
        if (progress.phase() == SyncPhase.CUSTOMERS && blocked.compareAndSet(false, true)) {
          inside.countDown();
          await(release);
        }
      }
    };
    ExecutorService threads = Executors.newFixedThreadPool(1);
    try (SimulatedWorld world = new SimulatedWorld(); Qbmc qbmc = world.qbmc(b -> b.listener(blocking))) {
      world.connect(qbmc);
      Future<SyncReport> first = threads.submit(() -> qbmc.sync(SimulatedWorld.CONNECTION));
      assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();

      assertThatThrownBy(() -> qbmc.sync(SimulatedWorld.CONNECTION)).isInstanceOf(SyncAlreadyRunningException.class);

      release.countDown();
      assertThat(first.get(60, TimeUnit.SECONDS).failures()).isEmpty();
      assertThat(qbmc.sync(SimulatedWorld.CONNECTION).failures()).isEmpty();
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
  }

  @Test
  void aCrashedProcesssLease_isTakenOverAfterItExpires() {
    try (SimulatedWorld world = new SimulatedWorld(); Qbmc qbmc = world.qbmc()) {
      world.connect(qbmc);
      world.state.tryAcquireLease(SimulatedWorld.CONNECTION, "crashed-process", Duration.ofMinutes(10), world.clock.instant());

      assertThatThrownBy(() -> qbmc.sync(SimulatedWorld.CONNECTION)).isInstanceOf(SyncAlreadyRunningException.class);

      world.clock.advance(Duration.ofMinutes(11));
      assertThat(qbmc.sync(SimulatedWorld.CONNECTION).failures()).isEmpty();
    }
  }

  @Test
  void aRunWhoseLeaseIsTakenOver_stopsWriting_andEndsWithAFailedReportItsRunRecordKeeps() {
    try (SimulatedWorld world = new SimulatedWorld()) {
      AtomicBoolean takenOver = new AtomicBoolean();
      SyncListener stall = new SyncListener() {
        @Override
        public void onProgress(SyncProgress progress) {
          if (progress.phase() == SyncPhase.CUSTOMERS && takenOver.compareAndSet(false, true)) {
            world.clock.advance(Duration.ofMinutes(11));
            assertThat(world.state.tryAcquireLease(
                SimulatedWorld.CONNECTION, "other-process", Duration.ofMinutes(10), world.clock.instant())).isPresent();
          }
        }
      };
      // Chunks of 12 written one at a time: the 24 items fill chunks of their own, committed before
      // the customers start (with chunks in flight, a stopped run's uncommitted items are written again).
      try (Qbmc qbmc = world.qbmc(b -> b.listener(stall).chunkSize(12).batchesInFlight(1))) {
        world.connect(qbmc);
        List<MemberView> before = world.mailchimp.members(world.listId);

        SyncReport report = qbmc.sync(SimulatedWorld.CONNECTION);

        assertThat(takenOver).isTrue();
        assertStoppedWithoutWritingCustomers(world, before, report, "LEASE_LOST");
        assertThat(world.mailchimp.stores().get(0).path("is_syncing").asBoolean())
            .as("the stale run leaves the backfill flag to the run that holds the lease now")
            .isTrue();
      }
    }
  }

  @Test
  void aRunWhoseConnectionIsPausedMidway_stopsWriting_andEndsWithAFailedReport() {
    try (SimulatedWorld world = new SimulatedWorld()) {
      AtomicBoolean paused = new AtomicBoolean();
      SyncListener pause = new SyncListener() {
        @Override
        public void onProgress(SyncProgress progress) {
          if (progress.phase() == SyncPhase.CUSTOMERS && paused.compareAndSet(false, true)) {
            Connection c = world.state.connection(SimulatedWorld.CONNECTION).orElseThrow();
            world.state.saveConnection(c.withStatus(ConnectionStatus.PAUSED, world.clock.instant()));
          }
        }
      };
      try (Qbmc qbmc = world.qbmc(b -> b.listener(pause).chunkSize(12).batchesInFlight(1))) {
        world.connect(qbmc);
        List<MemberView> before = world.mailchimp.members(world.listId);

        SyncReport report = qbmc.sync(SimulatedWorld.CONNECTION);

        assertThat(paused).isTrue();
        assertStoppedWithoutWritingCustomers(world, before, report, "CONNECTION_NOT_ACTIVE");
      }
    }
  }

  /** The run wrote its items, then stopped before the customers: no member, no state, no cursor. */
  private static void assertStoppedWithoutWritingCustomers(
      SimulatedWorld world, List<MemberView> before, SyncReport report, String code) {
    assertThat(report.outcome()).isEqualTo(SyncOutcome.FAILED);
    assertThat(report.failures()).extracting(f -> f.code()).containsExactly(code);
    assertThat(world.mailchimp.members(world.listId)).isEqualTo(before);
    assertThat(world.state.countStates(SimulatedWorld.CONNECTION, RecordKind.ITEM)).isPositive();
    assertThat(world.state.countStates(SimulatedWorld.CONNECTION, RecordKind.CUSTOMER)).isZero();
    assertThat(world.state.cursor(SimulatedWorld.CONNECTION)).isEmpty();
    assertThat(world.state.connection(SimulatedWorld.CONNECTION).orElseThrow().fullSyncDone()).isFalse();
    assertThat(world.state.recentRuns(SimulatedWorld.CONNECTION, 1))
        .singleElement()
        .satisfies(r -> {
          assertThat(r.runId()).isEqualTo(report.runId());
          assertThat(r.outcome()).contains(SyncOutcome.FAILED);
        });
  }

  @Test
  void anAccessTokenExpiringMidSync_isRefreshedOnce_andTheSyncCompletes() {
    try (SimulatedWorld world = new SimulatedWorld()) {
      AtomicBoolean expired = new AtomicBoolean();
      SyncListener expire = new SyncListener() {
        @Override
        public void onProgress(SyncProgress progress) {
          if (progress.phase() == SyncPhase.ORDERS && expired.compareAndSet(false, true)) {
            world.qbo.expireAccessTokens();
          }
        }
      };
      // Chunks of 12: the orders start while most invoices and all receipts are still to be read
      // (the read runs at most two chunks ahead), so QBO is called after the tokens expired.
      try (Qbmc qbmc = world.qbmc(b -> b.listener(expire).chunkSize(12))) {
        world.connect(qbmc);
        long refreshesBefore = world.qbo.requestLog().count("POST", "/oauth2/v1/tokens/bearer");

        SyncReport report = qbmc.sync(SimulatedWorld.CONNECTION);

        assertThat(report.failures()).isEmpty();
        assertThat(expired).isTrue();
        assertThat(world.qbo.requestLog().count("POST", "/oauth2/v1/tokens/bearer") - refreshesBefore).isEqualTo(1);
      }
    }
  }

  @Test
  void invalidGrant_marksTheConnectionNeedsReauthorization_andLaterSyncsFailTyped() {
    try (SimulatedWorld world = new SimulatedWorld(); Qbmc qbmc = world.qbmc()) {
      world.connect(qbmc);
      qbmc.sync(SimulatedWorld.CONNECTION);
      world.qbo.revokeAllTokens();
      world.clock.advance(Duration.ofHours(2));

      assertThatThrownBy(() -> qbmc.sync(SimulatedWorld.CONNECTION))
          .isInstanceOf(ConnectionNotActiveException.class)
          .satisfies(e -> assertThat(((ConnectionNotActiveException) e).needsReauthorization()).isTrue());
      assertThat(qbmc.connection(SimulatedWorld.CONNECTION).orElseThrow().status())
          .isEqualTo(ConnectionStatus.NEEDS_REAUTHORIZATION);
      assertThatThrownBy(() -> qbmc.sync(SimulatedWorld.CONNECTION))
          .isInstanceOf(ConnectionNotActiveException.class)
          .hasMessageContaining("reconnect");

      world.connect(qbmc);
      assertThat(qbmc.sync(SimulatedWorld.CONNECTION).failures()).isEmpty();
    }
  }

  @Test
  void mailchimpUnreachable_endsTheRunWithAFailedReport_andKeepsTheCursor() {
    try (SimulatedWorld world = new SimulatedWorld()) {
      try (Qbmc qbmc = world.qbmc()) {
        world.connect(qbmc);
        assertThat(qbmc.sync(SimulatedWorld.CONNECTION).failures()).isEmpty();
      }
      var cursor = world.state.cursor(SimulatedWorld.CONNECTION);
      world.clock.advance(Duration.ofMinutes(1));
      // A change to write: a sync with nothing to write does not call Mailchimp at all.
      String customer = world.state.streamStates(SimulatedWorld.CONNECTION, RecordKind.CUSTOMER)
          .map(st -> st.key().id()).sorted().findFirst().orElseThrow();
      world.qbo.update(SimEntity.CUSTOMER, customer, c -> c.put("GivenName", "Changedname"));
      try (Qbmc unreachable = world.qbmc(b -> {}, mc -> mc.baseUri(java.net.URI.create("http://127.0.0.1:1/3.0")))) {
        SyncReport report = unreachable.sync(SimulatedWorld.CONNECTION);

        assertThat(report.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(report.failures()).singleElement()
            .satisfies(f -> assertThat(f.code()).isEqualTo("MailchimpTransportException"));
        assertThat(world.state.cursor(SimulatedWorld.CONNECTION)).isEqualTo(cursor);
        assertThat(unreachable.recentRuns(SimulatedWorld.CONNECTION, 1)).singleElement()
            .satisfies(r -> assertThat(r.outcome()).contains(SyncOutcome.FAILED));
      }
    }
  }

  @Test
  void moreThanAThousandChanges_areReadByLastUpdate_notByAFullRead() {
    var company = dev.qbmc.examples.sim.quickbooks.GeneratedCompany.builder()
        .seed(7).customers(1_150).items(5).invoices(20).salesReceipts(5).build();
    try (SimulatedWorld world = new SimulatedWorld(company); Qbmc qbmc = world.qbmc()) {
      world.connect(qbmc);
      assertThat(qbmc.sync(SimulatedWorld.CONNECTION).failures()).isEmpty();
      world.clock.advance(Duration.ofMinutes(10));
      int changed = 0;
      for (long id = 1; id <= 1_100; id++) {
        if (world.qbo.read(SimEntity.CUSTOMER, Long.toString(id)).isPresent()) {
          world.qbo.update(SimEntity.CUSTOMER, Long.toString(id),
              c -> c.put("Notes", "changed"));
          changed++;
        }
      }
      world.qbo.requestLog().reset();
      world.mailchimp.requestLog().reset();

      SyncReport report = qbmc.sync(SimulatedWorld.CONNECTION);

      assertThat(report.mode()).isEqualTo(SyncMode.INCREMENTAL);
      assertThat(report.failures()).isEmpty();
      long customersSeen = report.countsFor(dev.qbmc.core.model.QboEntity.CUSTOMER).unchanged()
          + report.skipped().stream().filter(sk -> sk.entityType() == dev.qbmc.core.model.QboEntity.CUSTOMER).count();
      assertThat(customersSeen).isEqualTo(changed);
      assertThat(world.qbo.requestLog().count("GET", "/v3/company/{realm}/query"))
          .as("2 customer pages + 1 page per other entity, no counts, no full read")
          .isEqualTo(5);
      assertThat(world.mailchimpWrites()).as("a Notes change maps to nothing Mailchimp holds").isZero();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, String> members(List<MemberView> members) {
    Map<String, String> byEmail = new TreeMap<>();
    for (MemberView m : members) {
      byEmail.put(m.emailAddress(), m.status() + " " + m.tags() + " " + m.mergeFields());
    }
    return byEmail;
  }

  private static Map<String, String> orders(SimulatedWorld world, String store) {
    Map<String, String> byId = new TreeMap<>();
    world.mailchimp.orders(store).forEach(o -> byId.put(o.path("id").asText(),
        o.path("order_total").decimalValue().toPlainString() + " " + o.path("financial_status").asText()
            + " " + o.path("lines").size()));
    assertThat(byId).hasSize(world.mailchimp.orderCount(store));
    return byId;
  }
}
