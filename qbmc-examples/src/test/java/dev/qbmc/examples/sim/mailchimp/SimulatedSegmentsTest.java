package dev.qbmc.examples.sim.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qbmc.examples.sim.MutableClock;
import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.mailchimp.MailchimpCredentials;
import dev.qbmc.mailchimp.MailchimpNotFoundException;
import dev.qbmc.mailchimp.MailchimpValidationException;
import dev.qbmc.mailchimp.model.EcommerceCustomer;
import dev.qbmc.mailchimp.model.Member;
import dev.qbmc.mailchimp.model.Order;
import dev.qbmc.mailchimp.model.OrderLineItem;
import dev.qbmc.mailchimp.model.Product;
import dev.qbmc.mailchimp.model.ProductVariant;
import dev.qbmc.mailchimp.model.Segment;
import dev.qbmc.mailchimp.model.SegmentCondition;
import dev.qbmc.mailchimp.model.SegmentCreate;
import dev.qbmc.mailchimp.model.SegmentMatch;
import dev.qbmc.mailchimp.model.SegmentOptions;
import dev.qbmc.mailchimp.model.StoreCreate;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator evaluates saved segments from its members, tags and e-commerce orders: ann bought
 * a cake and a tart (2 orders, 130), bob bought a tart (1 order, 20), cid bought nothing, and dee
 * (unsubscribed) bought a cake.
 */
class SimulatedSegmentsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T12:00:00Z"));
  private MailchimpSimulator sim;
  private MailchimpClient client;
  private String listId;
  private long tagId;

  @BeforeEach
  void start() {
    sim = MailchimpSimulator.builder().clock(clock).batchExecutor(Runnable::run).build().start();
    client = MailchimpClient.builder().credentials(MailchimpCredentials.apiKey(sim.apiKey()))
        .baseUri(URI.create(sim.baseUrl())).build();
    listId = sim.createList("Customers");
    for (String name : List.of("ann", "bob", "cid")) {
      sim.seedMember(listId, name + "@ex.example", "subscribed");
    }
    sim.seedMember(listId, "dee@ex.example", "unsubscribed");
    client.members().updateTags(listId, "ann@ex.example",
        dev.qbmc.mailchimp.model.MemberTagsUpdate.builder().addTags(dev.qbmc.mailchimp.model.TagChange.active("QBO"))
            .build());
    for (String name : List.of("bob", "cid", "dee")) {
      client.members().updateTags(listId, name + "@ex.example",
          dev.qbmc.mailchimp.model.MemberTagsUpdate.builder().addTags(dev.qbmc.mailchimp.model.TagChange.active("QBO"))
              .build());
    }
    tagId = client.tags().find(listId, "QBO").orElseThrow().id();
    client.ecommerce().createStore(StoreCreate.builder().id("s1").listId(listId).name("Shop").currencyCode("USD").build());
    product("1", "Wedding cake");
    product("2", "Lemon tart");
    order("o1", "ann", "1", "110.00");
    order("o2", "ann", "2", "20.00");
    order("o3", "bob", "2", "20.00");
    order("o4", "dee", "1", "110.00");
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private void product(String id, String title) {
    client.ecommerce().upsertProduct("s1", Product.builder().id(id).title(title)
        .addVariants(ProductVariant.builder().id(id).title(title).price(BigDecimal.TEN).build()).build());
  }

  private void order(String id, String who, String productId, String total) {
    client.ecommerce().upsertCustomer("s1", EcommerceCustomer.builder().id(who).emailAddress(who + "@ex.example")
        .optInStatus(false).build());
    client.ecommerce().upsertOrder("s1", Order.builder().id(id).customer(EcommerceCustomer.builder().id(who).build())
        .currencyCode("USD").orderTotal(new BigDecimal(total)).financialStatus("paid")
        .addLines(OrderLineItem.builder().id("l").productId(productId).productVariantId(productId).quantity(1)
            .price(new BigDecimal(total)).build())
        .build());
  }

  private List<String> members(Segment segment) {
    return client.tags().members(listId, segment.id()).map(Member::emailAddress).sorted().collect(Collectors.toList());
  }

  private Segment segment(String name, SegmentCondition... conditions) {
    List<SegmentCondition> all = new java.util.ArrayList<>(List.of(SegmentCondition.inStaticSegment(tagId, true)));
    all.addAll(List.of(conditions));
    return client.segments().create(listId, SegmentCreate.saved(name, SegmentOptions.all(all)));
  }

  @Test
  void eachConditionSelectsWhomMailchimpWould_subscribedMembersOnly() {
    Segment purchased = segment("Purchased", SegmentCondition.purchasedFromStore("s1", true));
    Segment never = segment("Never", SegmentCondition.purchasedFromStore("s1", false));
    Segment anyStore = segment("Any", SegmentCondition.purchased(true));
    Segment spentMore = segment("Spent > 100", SegmentCondition.spentInTotal(true, 100));
    Segment spentLess = segment("Spent < 100", SegmentCondition.spentInTotal(false, 100));
    Segment twoOrders = segment("Orders > 1", SegmentCondition.orders("greater", 1));
    Segment cake = segment("Cake", SegmentCondition.boughtProduct("is", "wedding CAKE"));
    Segment tart = segment("Tart", SegmentCondition.boughtProduct("contains", "tart"));

    assertThat(members(purchased)).containsExactly("ann@ex.example", "bob@ex.example");
    assertThat(members(never)).containsExactly("cid@ex.example");
    assertThat(members(anyStore)).containsExactly("ann@ex.example", "bob@ex.example");
    assertThat(members(spentMore)).containsExactly("ann@ex.example");
    assertThat(members(spentLess)).containsExactly("bob@ex.example", "cid@ex.example");
    assertThat(members(twoOrders)).containsExactly("ann@ex.example");
    assertThat(members(cake)).containsExactly("ann@ex.example");
    assertThat(members(tart)).containsExactly("ann@ex.example", "bob@ex.example");
    assertThat(purchased.memberCount()).isEqualTo(2);
    assertThat(client.segments().saved(listId)).hasSize(8);
  }

  @Test
  void matchAny_theTagCondition_andCancelledOrdersDoNotCount() {
    client.ecommerce().patchOrder("s1", "o3", dev.qbmc.mailchimp.model.OrderPatch.builder().financialStatus("cancelled")
        .build());
    Segment any = client.segments().create(listId, SegmentCreate.saved("Any", SegmentOptions.builder()
        .match(SegmentMatch.ANY)
        .addConditions(SegmentCondition.boughtProduct("is", "Lemon tart"), SegmentCondition.orders("is", 0)).build()));
    Segment notTagged = client.segments().create(listId, SegmentCreate.saved("Untagged",
        SegmentOptions.all(List.of(SegmentCondition.inStaticSegment(tagId, false)))));

    assertThat(members(any)).containsExactly("ann@ex.example", "bob@ex.example", "cid@ex.example");
    assertThat(members(notTagged)).isEmpty();
  }

  @Test
  void updateReplacesConditions_getCountsAgain_deleteRemovesIt() {
    Segment s = segment("Big", SegmentCondition.spentInTotal(true, 100));

    Segment updated = client.segments().update(listId, s.id(), SegmentCreate.saved("Bigger",
        SegmentOptions.all(List.of(SegmentCondition.spentInTotal(true, 10)))));

    assertThat(updated.name()).isEqualTo("Bigger");
    assertThat(client.segments().get(listId, s.id()).memberCount()).isEqualTo(2);
    assertThat(client.segments().delete(listId, s.id())).isTrue();
    assertThatThrownBy(() -> client.segments().get(listId, s.id())).isInstanceOf(MailchimpNotFoundException.class);
  }

  @Test
  void emptyTags_canBeCreated_andNamedByASegmentBeforeAnyoneCarriesThem() {
    Segment overdue = client.tags().create(listId, "Overdue");
    Segment s = segment("Overdue buyers", SegmentCondition.inStaticSegment(overdue.id(), true));

    assertThat(overdue.memberCount()).isZero();
    assertThat(members(s)).isEmpty();
    client.members().updateTags(listId, "bob@ex.example",
        dev.qbmc.mailchimp.model.MemberTagsUpdate.builder().addTags(dev.qbmc.mailchimp.model.TagChange.active("Overdue"))
            .build());
    assertThat(members(s)).containsExactly("bob@ex.example");
    assertThat(client.tags().find(listId, "Overdue").map(Segment::id)).contains(overdue.id());
  }

  @Test
  void conditionsTheSimulatorCannotEvaluate_orThatDoNotFitTheirType_areRefused() {
    SegmentCondition vip = SegmentCondition.builder().conditionType("VIP").field("gmonkey").op("member").build();
    SegmentCondition badOp = SegmentCondition.builder().conditionType("EcommSpent").field("ecomm_spent_all").op("is")
        .value(5L).build();
    SegmentCondition unknownTag = SegmentCondition.inStaticSegment(999_999, true);

    for (SegmentCondition c : List.of(vip, badOp, unknownTag)) {
      assertThatThrownBy(() -> client.segments().create(listId, SegmentCreate.saved("x", SegmentOptions.all(List.of(c)))))
          .isInstanceOf(MailchimpValidationException.class);
    }
  }
}
