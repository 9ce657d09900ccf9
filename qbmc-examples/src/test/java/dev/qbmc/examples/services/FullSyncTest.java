package dev.qbmc.examples.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qbmc.core.Qbmc;
import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.SkipReason;
import dev.qbmc.core.model.SyncOutcome;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.examples.sim.mailchimp.MemberView;
import dev.qbmc.examples.sim.quickbooks.GeneratedCompany.CustomerKind;
import dev.qbmc.examples.sim.quickbooks.SampleCompany;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FullSyncTest {
  private final SimulatedWorld world = new SimulatedWorld();

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void firstSync_writesContactsProductsAndOrders_andKeepsUnsubscribedMembersUnsubscribed() {
    try (Qbmc qbmc = world.qbmc()) {
      Connection connection = world.connect(qbmc);

      SyncReport report = qbmc.sync(SimulatedWorld.CONNECTION);

      assertThat(report.failures()).isEmpty();
      assertThat(report.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
      List<MemberView> members = world.mailchimp.members(world.listId);
      assertThat(members).hasSizeGreaterThan(30);
      for (String email : SampleCompany.unsubscribedEmails()) {
        assertThat(world.mailchimp.member(world.listId, email).orElseThrow().status())
            .as("pre-existing unsubscribed member %s", email)
            .isEqualTo("unsubscribed");
      }
      assertThat(members.stream().filter(m -> !SampleCompany.unsubscribedEmails().contains(m.emailAddress())))
          .allSatisfy(m -> assertThat(m.status()).isEqualTo("subscribed"));
      assertThat(members).allSatisfy(m -> assertThat(m.tags()).contains("QuickBooks Online"));

      java.util.Set<String> skippedCustomers = skipped(report, QboEntity.CUSTOMER);
      for (String id : SampleCompany.customerIds(CustomerKind.NO_EMAIL)) {
        assertThat(skippedCustomers).contains(id + ":" + SkipReason.NO_EMAIL);
      }
      for (String id : SampleCompany.customerIds(CustomerKind.ROLE_EMAIL)) {
        assertThat(skippedCustomers).contains(id + ":" + SkipReason.ROLE_BASED_EMAIL);
      }

      String store = connection.storeId();
      List<JsonNode> orders = world.mailchimp.orders(store);
      assertThat(orders).isNotEmpty();
      assertThat(orders).allSatisfy(o -> assertThat(o.path("id").asText()).matches("(invoice|salesreceipt)-\\d+"));
      assertThat(world.mailchimp.products(store)).isNotEmpty();
      assertThat(report.countsFor(QboEntity.INVOICE).created()).isPositive();
      assertThat(report.totals().unchanged()).as("a first sync has nothing unchanged").isZero();
      assertThat(report.apiCalls()).isNotEmpty();
      assertThat(world.mailchimp.stores().get(0).path("is_syncing").asBoolean()).isFalse();
    }
  }

  @Test
  void aFullSync_ofSmallQueries_countsNothing_andItsEntitiesShareBatchesByWave() {
    try (Qbmc qbmc = world.qbmc()) {
      world.connect(qbmc);

      SyncReport report = qbmc.sync(SimulatedWorld.CONNECTION);

      assertThat(report.failures()).isEmpty();
      // Four queries of one page each (24 items, 60 customers, 156 invoices, 78 receipts) and no
      // COUNT(*): a read counts its rows only from its third page.
      assertThat(world.qbo.requestLog().count("GET", "/v3/company/{realm}/query")).isEqualTo(4);
      // Items with customers, invoices with receipts: two /batches requests, not one per entity.
      assertThat(world.mailchimp.requestLog().count("POST", "/3.0/batches")).isEqualTo(2);
    }
  }

  @Test
  void progress_isPublishedPerPhase_withTheirFinalCountsAsTotals() {
    List<dev.qbmc.core.SyncProgress> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (Qbmc qbmc = world.qbmc(b -> b.listener(new dev.qbmc.core.SyncListener() {
      @Override
      public void onProgress(dev.qbmc.core.SyncProgress progress) {
        events.add(progress);
      }
    }))) {
      world.connect(qbmc);
      qbmc.sync(SimulatedWorld.CONNECTION);
    }
    dev.qbmc.core.SyncProgress lastCustomers = events.stream()
        .filter(e -> e.phase() == dev.qbmc.core.SyncPhase.CUSTOMERS).reduce((a, b) -> b).orElseThrow();
    assertThat(lastCustomers.total()).isPositive();
    assertThat(lastCustomers.done()).isEqualTo(lastCustomers.total());
    assertThat(events.get(events.size() - 1).phase()).isEqualTo(dev.qbmc.core.SyncPhase.FINISHED);
    assertThat(events.stream().map(dev.qbmc.core.SyncProgress::phase).distinct())
        .containsExactly(dev.qbmc.core.SyncPhase.PRODUCTS, dev.qbmc.core.SyncPhase.CUSTOMERS,
            dev.qbmc.core.SyncPhase.ORDERS, dev.qbmc.core.SyncPhase.DELETIONS, dev.qbmc.core.SyncPhase.FINISHED);
  }

  static java.util.Set<String> skipped(SyncReport report, QboEntity type) {
    return report.skipped().stream()
        .filter(s -> s.entityType() == type)
        .map(s -> s.qboId() + ":" + s.reason())
        .collect(Collectors.toSet());
  }
}
