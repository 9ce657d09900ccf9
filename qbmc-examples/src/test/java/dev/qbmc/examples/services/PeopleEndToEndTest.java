package dev.qbmc.examples.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.core.Qbmc;
import dev.qbmc.examples.sim.quickbooks.SimEntity;
import dev.qbmc.core.model.SyncOutcome;
import dev.qbmc.core.report.SyncNote;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.examples.sim.mailchimp.MemberView;
import dev.qbmc.examples.sim.quickbooks.GeneratedCompany;
import dev.qbmc.mailchimp.SubscriberHash;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A parent customer with three jobs, end to end against both simulators: "Catering 2025" shares Maya
 * Chen's email, "Office Lunches" has none, "Tasting" has its own and is billed with its parent. The
 * jobs are created before their parent, so with two customers per chunk the parent is read in a later
 * chunk than the job sharing its email.
 */
class PeopleEndToEndTest {
  static final String MAYA = "maya@chen.example";
  static final String TASTING = "tasting@chen.example";

  private final SimulatedWorld world =
      new SimulatedWorld(GeneratedCompany.builder().customers(2).items(0).invoices(0).salesReceipts(0).build());
  private String catering;
  private String lunches;
  private String tasting;
  private String maya;
  private String cake;

  @AfterEach
  void close() {
    world.close();
  }

  /** Jobs first (Ids 3, 4, 5), then the parent (6) they name; an invoice for each of the four. */
  void seedFamily() {
    String parentId = "6";
    catering = job("Catering 2025", MAYA, false, parentId);
    lunches = job("Office Lunches", null, false, parentId);
    tasting = job("Tasting", TASTING, true, parentId);
    ObjectNode parent = world.qbo.addCustomer("Maya Chen", MAYA);
    maya = parent.path("Id").asText();
    assertThat(maya).isEqualTo(parentId);
    world.qbo.update(SimEntity.CUSTOMER, maya, c -> {
      c.put("GivenName", "Maya");
      c.put("FamilyName", "Chen");
      c.putObject("PrimaryPhone").put("FreeFormNumber", "+1 555 0100");
      c.putObject("BillAddr").put("Line1", "1 Main St").put("City", "Springfield")
          .put("CountrySubDivisionCode", "IL").put("PostalCode", "62701");
    });
    cake = world.qbo.addItem("Wedding cake", new BigDecimal("250.00")).path("Id").asText();
    for (String customer : List.of(catering, lunches, tasting, maya)) {
      world.qbo.addInvoice(customer, cake, 1, new BigDecimal("250.00"));
    }
  }

  private String job(String name, String email, boolean billWithParent, String parentId) {
    ObjectNode job = world.qbo.addCustomer(name, email);
    return world.qbo.update(SimEntity.CUSTOMER, job.path("Id").asText(), c -> {
      c.put("Job", true);
      c.put("BillWithParent", billWithParent);
      c.put("Level", 1);
      c.put("FullyQualifiedName", "Maya Chen:" + name);
      c.putObject("ParentRef").put("value", parentId);
    }).path("Id").asText();
  }

  private Qbmc qbmc() {
    return world.qbmc(b -> b.chunkSize(2));
  }

  @Test
  void parentWithThreeJobs_readsLikeMaya_andEveryJobsOrderIsAttachedToHer() {
    seedFamily();
    try (Qbmc qbmc = qbmc()) {
      Connection connection = world.connect(qbmc);

      SyncReport report = qbmc.sync(SimulatedWorld.CONNECTION);

      assertThat(report.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
      MemberView contact = world.mailchimp.member(world.listId, MAYA).orElseThrow();
      assertThat(contact.mergeFields().path("FNAME").asText()).isEqualTo("Maya");
      assertThat(contact.mergeFields().path("LNAME").asText()).isEqualTo("Chen");
      assertThat(contact.mergeFields().path("PHONE").asText()).isEqualTo("+1 555 0100");
      assertThat(contact.mergeFields().path("ADDRESS").path("city").asText()).isEqualTo("Springfield");
      assertThat(world.mailchimp.member(world.listId, TASTING)).as("the billed-with-parent job keeps its own contact")
          .hasValueSatisfying(m -> assertThat(m.mergeFields().path("FNAME").asText()).isEmpty());

      Map<String, String> customerOfOrder = world.mailchimp.orders(connection.storeId()).stream()
          .collect(Collectors.toMap(o -> o.path("id").asText(), o -> o.path("customer").path("id").asText()));
      assertThat(customerOfOrder).hasSize(4).allSatisfy((order, customer) ->
          assertThat(customer).as(order).isEqualTo(SubscriberHash.of(MAYA)));

      assertThat(report.skipped()).noneMatch(s -> List.of(catering, lunches, tasting, maya).contains(s.qboId()));
      assertThat(report.notes()).extracting(SyncNote::qboId, SyncNote::code).containsExactlyInAnyOrder(
          org.assertj.core.groups.Tuple.tuple(lunches, SyncNote.ATTACHED_TO_PARENT),
          org.assertj.core.groups.Tuple.tuple(tasting, SyncNote.ATTACHED_TO_PARENT));
      assertThat(report.toJson()).contains("\"notes\":[{\"entityType\":\"CUSTOMER\"");
    }
  }

  @Test
  void theRepresentativeIsStable_aJobsChangeDoesNotRewriteTheContact_aParentsChangeDoes() {
    seedFamily();
    try (Qbmc qbmc = qbmc()) {
      world.connect(qbmc);
      qbmc.sync(SimulatedWorld.CONNECTION);
      world.clock.advance(Duration.ofMinutes(10));

      world.qbo.update(SimEntity.CUSTOMER, catering, c -> c.put("GivenName", "Cater"));
      long before = world.mailchimpWrites();
      SyncReport jobChanged = qbmc.sync(SimulatedWorld.CONNECTION);
      assertThat(jobChanged.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
      assertThat(world.mailchimpWrites()).as("nothing to write for a non-representative job").isEqualTo(before);
      assertThat(world.mailchimp.member(world.listId, MAYA).orElseThrow().mergeFields().path("FNAME").asText())
          .isEqualTo("Maya");

      world.clock.advance(Duration.ofMinutes(10));
      world.qbo.update(SimEntity.CUSTOMER, maya, c -> c.putObject("PrimaryPhone").put("FreeFormNumber", "+1 555 0199"));
      qbmc.sync(SimulatedWorld.CONNECTION);
      assertThat(world.mailchimp.member(world.listId, MAYA).orElseThrow().mergeFields().path("PHONE").asText())
          .isEqualTo("+1 555 0199");
    }
  }

  @Test
  void openBalanceAndOverdueTags_followTheFacts_andAnUnchangedResyncWritesNothing() {
    seedFamily();
    String overdueInvoice = world.qbo.addInvoice(maya, cake, 1, new BigDecimal("90.00")).path("Id").asText();
    LocalDate today = LocalDate.ofInstant(world.clock.instant(), ZoneOffset.UTC);
    world.qbo.update(SimEntity.INVOICE, overdueInvoice, i -> i.put("DueDate", today.minusDays(3).toString()));
    String dueTomorrow = world.qbo.addInvoice(catering, cake, 1, new BigDecimal("40.00")).path("Id").asText();
    world.qbo.update(SimEntity.INVOICE, dueTomorrow, i -> i.put("DueDate", today.plusDays(1).toString()));
    world.qbo.update(SimEntity.CUSTOMER, maya, c -> c.put("BalanceWithJobs", 1130.00));
    try (Qbmc qbmc = qbmc()) {
      world.connect(qbmc);
      qbmc.sync(SimulatedWorld.CONNECTION);
      assertThat(tags(MAYA)).contains("QuickBooks Online", "QuickBooks open balance", "QuickBooks overdue");
      assertThat(tags(TASTING)).containsExactly("QuickBooks Online");

      world.clock.advance(Duration.ofMinutes(10));
      long before = world.mailchimpWrites();
      assertThat(qbmc.sync(SimulatedWorld.CONNECTION).totals().created()).isZero();
      assertThat(world.mailchimpWrites()).as("unchanged re-sync with the tags kept").isEqualTo(before);

      world.clock.advance(Duration.ofMinutes(10));
      world.qbo.update(SimEntity.INVOICE, overdueInvoice, i -> i.put("Balance", 0));
      qbmc.sync(SimulatedWorld.CONNECTION);
      assertThat(tags(MAYA)).doesNotContain("QuickBooks overdue").contains("QuickBooks open balance");

      world.clock.advance(Duration.ofDays(2)); // the catering invoice falls due with no change in QuickBooks
      qbmc.sync(SimulatedWorld.CONNECTION);
      assertThat(tags(MAYA)).contains("QuickBooks overdue");

      world.clock.advance(Duration.ofMinutes(10));
      world.qbo.update(SimEntity.CUSTOMER, maya, c -> c.put("BalanceWithJobs", 0));
      qbmc.sync(SimulatedWorld.CONNECTION);
      assertThat(tags(MAYA)).doesNotContain("QuickBooks open balance");
    }
  }

  private java.util.Set<String> tags(String email) {
    return world.mailchimp.member(world.listId, email).orElseThrow().tags();
  }

}
