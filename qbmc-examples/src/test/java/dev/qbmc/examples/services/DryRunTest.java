package dev.qbmc.examples.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qbmc.core.Qbmc;
import dev.qbmc.core.SyncOptions;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.examples.sim.quickbooks.SimEntity;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A dry run tells the truth: its counts (created, updated, unchanged, deleted, skipped by reason,
 * per entity), skipped records and notes equal those of the real run that follows on the same
 * simulated company, for a first sync (orders of customers the same run creates, with small chunks
 * so that they are planned in later chunks) and for an incremental one (a new customer with an
 * invoice, a changed customer, a new, a voided and a deleted invoice); and it writes nothing.
 */
class DryRunTest {

  @Test
  void aFirstSyncDryRun_countsWhatTheRealFirstSyncDoes() {
    try (SimulatedWorld world = new SimulatedWorld(); Qbmc qbmc = world.qbmc(b -> b.chunkSize(25))) {
      world.connect(qbmc);
      world.mailchimp.requestLog().reset();

      SyncReport dry = qbmc.sync(SimulatedWorld.CONNECTION, SyncOptions.dryRunOnly());
      assertThat(world.mailchimpWrites()).as("a dry run writes nothing").isZero();
      assertThat(world.state.cursor(SimulatedWorld.CONNECTION)).isEmpty();
      SyncReport real = qbmc.sync(SimulatedWorld.CONNECTION);

      assertThat(real.failures()).isEmpty();
      assertThat(real.countsFor(dev.qbmc.core.model.QboEntity.INVOICE).created()).isPositive();
      assertSameCounts(dry, real);
    }
  }

  @Test
  void anIncrementalDryRun_countsWhatTheRealIncrementalSyncDoes() {
    try (SimulatedWorld world = new SimulatedWorld(); Qbmc qbmc = world.qbmc(b -> b.chunkSize(25))) {
      String storeId = world.connect(qbmc).storeId();
      assertThat(qbmc.sync(SimulatedWorld.CONNECTION).failures()).isEmpty();
      world.clock.advance(Duration.ofMinutes(10));
      List<JsonNode> invoices = world.mailchimp.orders(storeId).stream()
          .filter(o -> o.path("id").asText().startsWith("invoice-")
              && !"cancelled".equals(o.path("financial_status").asText()))
          .toList();
      String item = world.mailchimp.products(storeId).get(0).path("id").asText();
      String newCustomer = world.qbo.addCustomer("Dry Run Bakery", "orders@dryrun-bakery.example").path("Id").asText();
      world.qbo.addInvoice(newCustomer, item, 2, new BigDecimal("9.50"));
      world.state.streamStates(SimulatedWorld.CONNECTION, dev.qbmc.core.model.RecordKind.CUSTOMER)
          .map(s -> s.key().id()).findFirst()
          .ifPresent(id -> world.qbo.update(SimEntity.CUSTOMER, id, c -> c.put("FamilyName", "Dryrun")));
      world.qbo.deleteTransaction(SimEntity.INVOICE, invoices.get(1).path("id").asText().substring("invoice-".length()));
      world.qbo.voidTransaction(SimEntity.INVOICE, invoices.get(2).path("id").asText().substring("invoice-".length()));
      world.clock.advance(Duration.ofMinutes(1));
      world.mailchimp.requestLog().reset();

      SyncReport dry = qbmc.sync(SimulatedWorld.CONNECTION, SyncOptions.dryRunOnly());
      assertThat(world.mailchimpWrites()).as("a dry run writes nothing").isZero();
      SyncReport real = qbmc.sync(SimulatedWorld.CONNECTION);

      assertThat(real.failures()).isEmpty();
      assertThat(real.countsFor(dev.qbmc.core.model.QboEntity.INVOICE).created()).isEqualTo(1);
      assertThat(real.countsFor(dev.qbmc.core.model.QboEntity.INVOICE).deleted()).isEqualTo(1);
      assertSameCounts(dry, real);
    }
  }

  private static void assertSameCounts(SyncReport dry, SyncReport real) {
    assertThat(dry.dryRun()).isTrue();
    assertThat(dry.mode()).isEqualTo(real.mode());
    assertThat(dry.counts()).isEqualTo(real.counts());
    assertThat(dry.skipped()).containsExactlyInAnyOrderElementsOf(real.skipped());
    assertThat(dry.notes()).containsExactlyInAnyOrderElementsOf(real.notes());
    assertThat(dry.failures()).isEqualTo(real.failures());
  }
}
