package dev.qbmc.examples.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qbmc.core.Qbmc;
import dev.qbmc.core.SegmentRule;
import dev.qbmc.core.model.FactTags;
import dev.qbmc.examples.sim.quickbooks.GeneratedCompany;
import dev.qbmc.examples.sim.quickbooks.SimEntity;
import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.mailchimp.MailchimpCredentials;
import dev.qbmc.mailchimp.model.Member;
import dev.qbmc.mailchimp.model.Segment;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each segment kind created through {@link Qbmc#createSegment} against the simulators, and who is
 * in it: ann bought two wedding cakes (500, one invoice overdue), bob a lemon tart (20, an open
 * balance), cid nothing; the company's two generated customers bought nothing either.
 */
class SegmentsEndToEndTest {
  private static final String ANN = "ann@ex.example";
  private static final String BOB = "bob@ex.example";
  private static final String CID = "cid@ex.example";

  private final SimulatedWorld world =
      new SimulatedWorld(GeneratedCompany.builder().customers(2).items(0).invoices(0).salesReceipts(0).build());
  private Qbmc qbmc;
  private MailchimpClient mailchimp;
  private String cake;
  private List<String> nobodyBought;

  @BeforeEach
  void syncTheCompany() {
    cake = world.qbo.addItem("Wedding cake", new BigDecimal("250.00")).path("Id").asText();
    String tart = world.qbo.addItem("Lemon tart", new BigDecimal("20.00")).path("Id").asText();
    String ann = world.qbo.addCustomer("Ann Lee", ANN).path("Id").asText();
    String bob = world.qbo.addCustomer("Bob Ray", BOB).path("Id").asText();
    world.qbo.addCustomer("Cid Moe", CID);
    world.qbo.addInvoice(ann, cake, 1, new BigDecimal("250.00"));
    String late = world.qbo.addInvoice(ann, cake, 1, new BigDecimal("250.00")).path("Id").asText();
    LocalDate today = LocalDate.ofInstant(world.clock.instant(), ZoneOffset.UTC);
    world.qbo.update(SimEntity.INVOICE, late, i -> i.put("DueDate", today.minusDays(10).toString()));
    world.qbo.addSalesReceipt(bob, tart, 1, new BigDecimal("20.00"));
    world.qbo.update(SimEntity.CUSTOMER, bob, c -> c.put("BalanceWithJobs", 20.00));
    qbmc = world.qbmc();
    world.connect(qbmc);
    qbmc.sync(SimulatedWorld.CONNECTION);
    mailchimp = MailchimpClient.builder().credentials(MailchimpCredentials.apiKey(world.mailchimp.apiKey()))
        .baseUri(URI.create(world.mailchimp.baseUrl())).build();
    nobodyBought = world.mailchimp.members(world.listId).stream().filter(m -> m.tags().contains("QuickBooks Online"))
        .map(m -> m.emailAddress()).filter(e -> !e.equals(ANN) && !e.equals(BOB)).sorted().collect(Collectors.toList());
    assertThat(nobodyBought).contains(CID).hasSize(3);
  }

  @AfterEach
  void close() {
    qbmc.close();
    world.close();
  }

  private List<String> members(Segment segment) {
    return mailchimp.tags().members(world.listId, segment.id()).map(Member::emailAddress).sorted()
        .collect(Collectors.toList());
  }

  private List<String> create(String name, SegmentRule... rules) {
    Segment segment = qbmc.createSegment(SimulatedWorld.CONNECTION, name, rules);
    assertThat(segment.memberCount()).isEqualTo(members(segment).size());
    return members(segment);
  }

  @Test
  void eachSegmentKind_selectsTheContactsItDescribes() {
    assertThat(create("Buyers", SegmentRule.purchased())).containsExactly(ANN, BOB);
    assertThat(create("Never bought", SegmentRule.neverPurchased())).isEqualTo(nobodyBought);
    assertThat(create("Spent over 400", SegmentRule.spentMoreThan(400))).containsExactly(ANN);
    assertThat(create("Spent under 100", SegmentRule.spentLessThan(100))).containsExactly(BOB);
    assertThat(create("Two orders or more", SegmentRule.ordersAtLeast(2))).containsExactly(ANN);
    assertThat(create("Tart buyers", SegmentRule.boughtItem("Lemon tart"))).containsExactly(BOB);
    assertThat(create("Cake buyers", SegmentRule.boughtItemWithId(cake))).containsExactly(ANN);
    assertThat(create("Owing", SegmentRule.openBalance())).containsExactly(BOB);
    assertThat(create("Overdue", SegmentRule.overdue())).containsExactly(ANN);
    assertThat(create("Imported", SegmentRule.tagged("QuickBooks Online"))).hasSize(5);
    assertThat(create("Overdue cake buyers", SegmentRule.overdue(), SegmentRule.boughtItem("Wedding cake")))
        .containsExactly(ANN);
  }

  @Test
  void creatingTwiceUpdatesByName_listingShowsCounts_andDisconnectLeavesSegmentsAndTags() {
    Segment first = qbmc.createSegment(SimulatedWorld.CONNECTION, "Good customers", SegmentRule.spentMoreThan(400));
    Segment again = qbmc.createSegment(SimulatedWorld.CONNECTION, " good customers ", SegmentRule.purchased());

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.memberCount()).isEqualTo(2);
    List<Segment> listed = qbmc.segments(SimulatedWorld.CONNECTION);
    assertThat(listed).extracting(Segment::name, Segment::memberCount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("good customers", 2L)); // renamed as asked

    qbmc.disconnect(SimulatedWorld.CONNECTION, false);

    assertThat(mailchimp.segments().findSaved(world.listId, "Good customers")).isPresent(); // matched ignoring case
    assertThat(mailchimp.tags().find(world.listId, FactTags.DEFAULT_OVERDUE)).isPresent();
    assertThat(world.mailchimp.member(world.listId, ANN).orElseThrow().tags()).contains(FactTags.DEFAULT_OVERDUE);
  }

  @Test
  void segmentsOfAnotherConnectionOrMadeByHand_areNotListed_andBadRulesAreRefused() {
    mailchimp.segments().create(world.listId, dev.qbmc.mailchimp.model.SegmentCreate.saved("By hand",
        dev.qbmc.mailchimp.model.SegmentOptions.all(List.of(
            dev.qbmc.mailchimp.model.SegmentCondition.purchased(true)))));
    qbmc.createSegment(SimulatedWorld.CONNECTION, "Ours", SegmentRule.purchased());

    assertThat(qbmc.segments(SimulatedWorld.CONNECTION)).extracting(Segment::name).containsExactly("Ours");
    assertThatThrownBy(() -> qbmc.createSegment(SimulatedWorld.CONNECTION, "x", SegmentRule.boughtItemWithId("999")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("999");
    assertThatThrownBy(() -> qbmc.createSegment(SimulatedWorld.CONNECTION, " ", SegmentRule.purchased()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> qbmc.createSegment(SimulatedWorld.CONNECTION, "many", SegmentRule.purchased(),
        SegmentRule.overdue(), SegmentRule.openBalance(), SegmentRule.ordersAtLeast(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aConnectionWithoutFactTags_refusesTheirRules() {
    qbmc.disconnect(SimulatedWorld.CONNECTION, false);
    world.connect(qbmc, r -> r.factTags(FactTags.none()));

    assertThatThrownBy(() -> qbmc.createSegment(SimulatedWorld.CONNECTION, "Overdue", SegmentRule.overdue()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overdue");
  }

}
