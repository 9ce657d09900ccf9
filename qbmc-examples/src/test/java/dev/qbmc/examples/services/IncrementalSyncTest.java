package dev.qbmc.examples.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qbmc.core.Qbmc;
import dev.qbmc.core.SyncOptions;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.SkipReason;
import dev.qbmc.core.model.SyncMode;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.examples.sim.quickbooks.SimEntity;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncrementalSyncTest {
  private final SimulatedWorld world = new SimulatedWorld();
  private Qbmc qbmc;
  private Connection connection;

  @BeforeEach
  void firstSync() {
    qbmc = world.qbmc();
    connection = world.connect(qbmc);
    SyncReport first = qbmc.sync(SimulatedWorld.CONNECTION);
    assertThat(first.failures()).isEmpty();
    world.clock.advance(Duration.ofMinutes(10));
    world.mailchimp.requestLog().reset();
    world.qbo.requestLog().reset();
  }

  @AfterEach
  void close() {
    qbmc.close();
    world.close();
  }

  @Test
  void unchangedResync_makesNoMailchimpWrites_andOneCdcCall() {
    SyncReport report = qbmc.sync(SimulatedWorld.CONNECTION);

    assertThat(report.mode()).isEqualTo(SyncMode.INCREMENTAL);
    assertThat(report.failures()).isEmpty();
    assertThat(world.mailchimpWrites()).isZero();
    assertThat(world.mailchimp.requestLog().snapshot())
        .as("no member to write: the audience's merge fields are not read either").isEmpty();
    assertThat(world.qbo.requestLog().count("GET", "/v3/company/{realm}/cdc")).isEqualTo(1);
  }

  @Test
  void oneChangedCustomer_makesExactlyItsWrites() {
    String id = firstSyncedCustomerId();
    world.qbo.update(SimEntity.CUSTOMER, id, c -> c.put("GivenName", "Changedname"));

    SyncReport report = qbmc.sync(SimulatedWorld.CONNECTION);

    assertThat(report.failures()).isEmpty();
    assertThat(report.countsFor(dev.qbmc.core.model.QboEntity.CUSTOMER).updated()).isEqualTo(1);
    Map<String, Long> writes = new java.util.TreeMap<>(world.mailchimp.requestLog().snapshot());
    writes.keySet().removeIf(k -> k.startsWith("GET "));
    assertThat(writes.values().stream().mapToLong(Long::longValue).sum())
        .as("member PUT, tag POST, e-commerce customer PUT: %s", writes)
        .isEqualTo(3);
    String email = world.qbo.read(SimEntity.CUSTOMER, id).orElseThrow().path("PrimaryEmailAddr").path("Address").asText();
    assertThat(world.mailchimp.member(world.listId, email).orElseThrow().mergeFields().path("FNAME").asText())
        .isEqualTo("Changedname");
  }

  @Test
  void deletedInvoice_deletesItsOrder_andVoidedInvoice_cancelsIt() {
    String store = connection.storeId();
    JsonNode anyOrder = world.mailchimp.orders(store).stream()
        .filter(o -> o.path("id").asText().startsWith("invoice-") && !"cancelled".equals(o.path("financial_status").asText()))
        .findFirst().orElseThrow();
    String deletedId = anyOrder.path("id").asText().substring("invoice-".length());
    String voidedId = world.mailchimp.orders(store).stream()
        .map(o -> o.path("id").asText())
        .filter(o -> o.startsWith("invoice-") && !o.equals(anyOrder.path("id").asText()))
        .findFirst().orElseThrow().substring("invoice-".length());
    BigDecimal totalBefore = order(store, "invoice-" + voidedId).orElseThrow().path("order_total").decimalValue();

    world.qbo.deleteTransaction(SimEntity.INVOICE, deletedId);
    world.qbo.voidTransaction(SimEntity.INVOICE, voidedId);
    world.clock.advance(Duration.ofMinutes(1));
    SyncReport report = qbmc.sync(SimulatedWorld.CONNECTION);

    assertThat(report.failures()).isEmpty();
    assertThat(order(store, "invoice-" + deletedId)).isEmpty();
    JsonNode voided = order(store, "invoice-" + voidedId).orElseThrow();
    assertThat(voided.path("financial_status").asText()).isEqualTo("cancelled");
    assertThat(voided.path("order_total").decimalValue()).isEqualByComparingTo(totalBefore);
    assertThat(report.countsFor(dev.qbmc.core.model.QboEntity.INVOICE).deleted()).isEqualTo(1);
  }

  @Test
  void newInvoice_isWrittenWithItsLinesAndTotals() {
    String customer = firstSyncedCustomerId();
    String item = world.mailchimp.products(connection.storeId()).get(0).path("id").asText();
    String invoiceId = world.qbo.addInvoice(customer, item, 3, new BigDecimal("12.35")).path("Id").asText();

    SyncReport report = qbmc.sync(SimulatedWorld.CONNECTION);

    assertThat(report.failures()).isEmpty();
    assertThat(report.countsFor(dev.qbmc.core.model.QboEntity.INVOICE).created()).isEqualTo(1);
    JsonNode order = order(connection.storeId(), "invoice-" + invoiceId).orElseThrow();
    assertThat(order.path("lines").get(0).path("quantity").asInt()).isEqualTo(3);
    assertThat(order.path("lines").get(0).path("price").decimalValue()).isEqualByComparingTo("12.35");
    assertThat(order.path("order_total").decimalValue())
        .isEqualByComparingTo(world.qbo.read(SimEntity.INVOICE, invoiceId).orElseThrow().path("TotalAmt").decimalValue());
  }

  @Test
  void dryRun_writesNothing_andReportsThePlan() {
    world.qbo.update(SimEntity.CUSTOMER, firstSyncedCustomerId(), c -> c.put("FamilyName", "Dryrun"));

    SyncReport report = qbmc.sync(SimulatedWorld.CONNECTION, SyncOptions.dryRunOnly());

    assertThat(report.dryRun()).isTrue();
    assertThat(report.countsFor(dev.qbmc.core.model.QboEntity.CUSTOMER).updated()).isEqualTo(1);
    assertThat(world.mailchimpWrites()).isZero();
    assertThat(qbmc.sync(SimulatedWorld.CONNECTION).countsFor(dev.qbmc.core.model.QboEntity.CUSTOMER).updated()).isEqualTo(1);
  }

  @Test
  void manyChangedMembers_goThroughBatches_andARefusedOne_isReportedAndRetriedNextTime() {
    java.util.List<String> ids = world.state.streamStates(SimulatedWorld.CONNECTION, RecordKind.CUSTOMER)
        .map(st -> st.key().id())
        .filter(id -> world.qbo.read(SimEntity.CUSTOMER, id).orElseThrow().path("Active").asBoolean(true))
        .sorted().limit(12).toList();
    ids.forEach(id -> world.qbo.update(SimEntity.CUSTOMER, id, c -> c.put("FamilyName", "Batched")));
    String forgotten = world.qbo.read(SimEntity.CUSTOMER, ids.get(0)).orElseThrow()
        .path("PrimaryEmailAddr").path("Address").asText();
    world.mailchimp.forgetEmail(world.listId, forgotten);

    SyncReport report = qbmc.sync(SimulatedWorld.CONNECTION);

    assertThat(report.skipped()).anySatisfy(sk -> {
      assertThat(sk.qboId()).isEqualTo(ids.get(0));
      assertThat(sk.reason()).isEqualTo(SkipReason.FORGOTTEN_EMAIL);
    });
    assertThat(world.mailchimp.requestLog().snapshot().keySet()).anyMatch(k -> k.startsWith("POST") && k.contains("batches"));
    for (String id : ids.subList(1, ids.size())) {
      String email = world.qbo.read(SimEntity.CUSTOMER, id).orElseThrow().path("PrimaryEmailAddr").path("Address").asText();
      assertThat(world.mailchimp.member(world.listId, email).orElseThrow().mergeFields().path("LNAME").asText())
          .isEqualTo("Batched");
    }
    world.clock.advance(Duration.ofMinutes(1));
    SyncReport again = qbmc.sync(SimulatedWorld.CONNECTION, SyncOptions.builder().forceFullRead(true).build());
    assertThat(again.skipped()).anySatisfy(sk -> assertThat(sk.qboId()).isEqualTo(ids.get(0)));
    assertThat(again.countsFor(dev.qbmc.core.model.QboEntity.CUSTOMER).updated()).isZero();
  }

  private String firstSyncedCustomerId() {
    return world.state.streamStates(SimulatedWorld.CONNECTION, RecordKind.CUSTOMER)
        .map(s -> s.key().id())
        .filter(id -> world.qbo.read(SimEntity.CUSTOMER, id).orElseThrow().path("Active").asBoolean(true))
        .sorted()
        .findFirst()
        .orElseThrow();
  }

  private Optional<JsonNode> order(String store, String id) {
    return world.mailchimp.orders(store).stream().filter(o -> o.path("id").asText().equals(id)).findFirst();
  }
}
