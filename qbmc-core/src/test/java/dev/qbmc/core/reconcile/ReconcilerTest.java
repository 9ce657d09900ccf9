package dev.qbmc.core.reconcile;

import static dev.qbmc.core.reconcile.PlanFixtures.MAPPER;
import static dev.qbmc.core.reconcile.PlanFixtures.apply;
import static dev.qbmc.core.reconcile.PlanFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.mapping.CustomerDirectory;
import dev.qbmc.core.mapping.CustomerResolution;
import dev.qbmc.core.mapping.FinancialStatus;
import dev.qbmc.core.mapping.MappedCustomer;
import dev.qbmc.core.mapping.MappingOutcome;
import dev.qbmc.core.mapping.OrderLine;
import dev.qbmc.core.mapping.OrderRecord;
import dev.qbmc.core.mapping.ProductRecord;
import dev.qbmc.core.mapping.QboFixtures;
import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.model.SkipReason;
import dev.qbmc.core.reconcile.SyncOperation.CancelOrder;
import dev.qbmc.core.reconcile.SyncOperation.DeleteOrder;
import dev.qbmc.core.reconcile.SyncOperation.Skip;
import dev.qbmc.core.reconcile.SyncOperation.TagMembers;
import dev.qbmc.core.reconcile.SyncOperation.UpsertCustomer;
import dev.qbmc.core.reconcile.SyncOperation.UpsertMember;
import dev.qbmc.core.reconcile.SyncOperation.UpsertOrder;
import dev.qbmc.core.reconcile.SyncOperation.UpsertProduct;
import dev.qbmc.quickbooks.model.Customer;
import dev.qbmc.quickbooks.model.Invoice;
import dev.qbmc.quickbooks.model.Item;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

  private final Map<RecordKey, RecordState> store = new HashMap<>();

  private static Map<String, Customer> fixtureCustomers() {
    return QboFixtures.query("customer-query-response_qbo-api.json", "Customer", Customer.class).stream()
        .collect(Collectors.toMap(Customer::id, c -> c));
  }

  private static MappingOutcome<MappedCustomer> mapped(Customer c) {
    return MAPPER.customer(c);
  }

  private static OrderRecord order(String qboId, String customerId, String... productIds) {
    OrderRecord.Builder b =
        OrderRecord.builder()
            .entityType(QboEntity.INVOICE)
            .qboId(qboId)
            .customerId(customerId)
            .currencyCode("USD")
            .orderTotal(new BigDecimal("10.00"))
            .financialStatus(FinancialStatus.PENDING);
    int n = 0;
    for (String productId : productIds) {
      b.addLines(
          OrderLine.builder()
              .id(Integer.toString(++n))
              .productId(productId)
              .quantity(BigDecimal.ONE)
              .price(new BigDecimal("10.00"))
              .build());
    }
    return b.build();
  }

  @Test
  void plan_firstSync_writesEverythingInDependencyOrder() {
    Map<String, Customer> customers = fixtureCustomers();
    MappingOutcome<MappedCustomer> amy = mapped(customers.get("1"));
    MappingOutcome<MappedCustomer> bill = mapped(customers.get("2"));
    Invoice invoice = QboFixtures.single("invoice-create-response_qbo-api.json", "Invoice", Invoice.class);
    CustomerDirectory directory = CustomerDirectory.of(Map.of("1", CustomerResolution.of(amy)));
    SyncChunk chunk =
        SyncChunk.builder()
            .addCustomers(amy, bill, mapped(customers.get("67")))
            .addProducts(MAPPER.item(Item.builder().id("1").name("Services").build()))
            .addOrders(MAPPER.invoice(invoice, directory))
            .build();

    SyncPlan plan = plan(chunk, store);

    assertThat(plan.operations())
        .extracting(op -> op.getClass().getSimpleName())
        .containsExactly(
            "UpsertMember", "UpsertMember", "TagMembers", "UpsertCustomer", "UpsertCustomer",
            "UpsertProduct", "UpsertOrder", "Skip");
    assertThat(plan.newContactCount()).isEqualTo(2);
    TagMembers tags = plan.operationsOf(TagMembers.class).get(0);
    assertThat(tags.tag()).isEqualTo("QuickBooks Online");
    assertThat(tags.members()).extracting(SyncOperation.TaggedMember::subscriberHash)
        .containsExactly("71ffeb0523d67e37aa5745749e1887b1", amyOrBill(bill));
    assertThat(tags.members()).allSatisfy(m -> assertThat(m.factTags()).isEmpty());
    assertThat(plan.skips()).containsExactly(new Skip(QboEntity.CUSTOMER, "67", SkipReason.NO_EMAIL, "no email address"));
    assertThat(plan.stateChanges())
        .extracting(StateChange::key)
        .containsExactlyInAnyOrder(
            RecordKey.of(RecordKind.CONTACT, "71ffeb0523d67e37aa5745749e1887b1"),
            RecordKey.of(RecordKind.CONTACT, amyOrBill(bill)),
            RecordKey.of(RecordKind.CUSTOMER, "1"),
            RecordKey.of(RecordKind.CUSTOMER, "2"),
            RecordKey.of(RecordKind.ITEM, "1"),
            RecordKey.of(RecordKind.INVOICE, "266"));
    UpsertOrder upsert = plan.operationsOf(UpsertOrder.class).get(0);
    assertThat(upsert.confirms())
        .containsExactly(
            StateChange.put(
                RecordState.of(RecordKey.of(RecordKind.INVOICE, "266"), upsert.order().fingerprint(), "invoice-266",
                    upsert.order().customerId())));
  }

  private static String amyOrBill(MappingOutcome<MappedCustomer> bill) {
    return bill.record().get().contact().subscriberHash();
  }

  @Test
  void plan_afterApplying_isWithoutWrites_andSkipsAreReportedAgain() {
    Map<String, Customer> customers = fixtureCustomers();
    SyncChunk chunk =
        SyncChunk.builder()
            .addAllCustomers(customers.values().stream().map(MAPPER::customer).toList())
            .addProducts(PlanFixtures.product("1", "Services", "0"))
            .build();

    SyncPlan first = plan(chunk, store);
    apply(first, store);
    SyncPlan second = plan(chunk, store);

    assertThat(first.hasNoWrites()).isFalse();
    assertThat(second.hasNoWrites()).isTrue();
    assertThat(second.stateChanges()).isEmpty();
    assertThat(second.skips()).hasSize(13).isEqualTo(first.skips());
  }

  @Test
  void duplicateEmails_becomeOneContactAndOneCommerceCustomer_theTopLevelCustomerRepresentsIt() {
    Map<String, Customer> customers = fixtureCustomers();
    // 7 (top-level) and its jobs 8 and 9 share Sporting_goods@intuit.com
    SyncChunk chunk =
        SyncChunk.builder()
            .addCustomers(mapped(customers.get("9")), mapped(customers.get("8")), mapped(customers.get("7")))
            .build();

    SyncPlan plan = plan(chunk, store);

    assertThat(plan.operationsOf(UpsertMember.class)).singleElement()
        .satisfies(m -> assertThat(m.contact().qboCustomerId()).isEqualTo("7"));
    List<UpsertCustomer> upserts = plan.operationsOf(UpsertCustomer.class);
    assertThat(upserts).hasSize(1);
    assertThat(upserts.get(0).customer().id()).isEqualTo("fb0df091e99e6bfe764b10cd88b655cc");
    assertThat(upserts.get(0).customer().qboCustomerId()).isEqualTo("7");
    assertThat(upserts.get(0).confirms())
        .extracting(StateChange::key)
        .containsExactly(
            RecordKey.of(RecordKind.CUSTOMER, "9"),
            RecordKey.of(RecordKind.CUSTOMER, "8"),
            RecordKey.of(RecordKind.CUSTOMER, "7"));
    assertThat(upserts.get(0).confirms())
        .allSatisfy(c -> assertThat(c.state().get().mailchimpId()).contains("fb0df091e99e6bfe764b10cd88b655cc"));

    apply(plan, store);
    assertThat(plan(chunk, store).hasNoWrites()).isTrue();
    assertThat(ContactMemo.parse(store.get(RecordKey.of(RecordKind.CONTACT, "fb0df091e99e6bfe764b10cd88b655cc")).memo())
        .representative()).hasValueSatisfying(r -> assertThat(r.qboId()).isEqualTo("7"));

    // the orders of all of them name the one shared e-commerce customer
    CustomerDirectory directory =
        CustomerDirectory.of(
            Map.of(
                "7", CustomerResolution.synced(store.get(RecordKey.of(RecordKind.CUSTOMER, "7")).mailchimpId().get()),
                "9", CustomerResolution.synced(store.get(RecordKey.of(RecordKind.CUSTOMER, "9")).mailchimpId().get())));
    assertThat(directory.resolve("7").get().commerceCustomerId()).isEqualTo(directory.resolve("9").get().commerceCustomerId());

    // later only job 9 changes: the contact is not rewritten, its state is remembered
    Customer nine = Customer.builder().from(customers.get("9")).givenName("Amelie").build();
    SyncPlan later = plan(SyncChunk.builder().addCustomers(mapped(nine)).build(), store);
    assertThat(later.writes()).isEmpty();
    assertThat(later.stateOnlyChanges()).extracting(StateChange::key)
        .containsExactly(RecordKey.of(RecordKind.CUSTOMER, "9"));
    apply(later, store);

    // then the representative changes: the contact follows it
    Customer seven = Customer.builder().from(customers.get("7")).familyName("Freeman-Kirby").build();
    SyncPlan then = plan(SyncChunk.builder().addCustomers(mapped(seven)).build(), store);
    assertThat(then.operationsOf(UpsertMember.class)).singleElement()
        .satisfies(m -> {
          assertThat(m.contact().lastName()).contains("Freeman-Kirby");
          assertThat(m.isNew()).isFalse();
        });
    assertThat(then.operationsOf(UpsertCustomer.class).get(0).confirms())
        .extracting(StateChange::key)
        .containsExactly(RecordKey.of(RecordKind.CUSTOMER, "7"));
    assertThat(then.newContactCount()).isZero();
  }

  @Test
  void orderNamingUnknownItems_getsStandInAndPlaceholderProductsFirst() {
    store.put(RecordKey.of(RecordKind.ITEM, "7"), RecordState.of(RecordKey.of(RecordKind.ITEM, "7"), "f", "7"));
    OrderRecord order =
        OrderRecord.builder()
            .from(order("5", "hash", "7", "8", ProductRecord.PLACEHOLDER_ID))
            .lines(
                List.of(
                    OrderLine.builder().id("1").productId("7").quantity(BigDecimal.ONE).price(BigDecimal.TEN).build(),
                    OrderLine.builder().id("2").productId("8").itemName("Sod").quantity(new BigDecimal("2"))
                        .price(new BigDecimal("0.5306667")).build(),
                    OrderLine.builder().id("3").productId(ProductRecord.PLACEHOLDER_ID).quantity(BigDecimal.ONE)
                        .price(BigDecimal.ONE).build()))
            .build();

    SyncPlan plan = plan(SyncChunk.builder().addOrders(PlanFixtures.order(order)).build(), store);

    assertThat(plan.operations()).extracting(op -> op.getClass().getSimpleName())
        .containsExactly("UpsertProduct", "UpsertProduct", "UpsertOrder");
    List<ProductRecord> products = plan.operationsOf(UpsertProduct.class).stream().map(UpsertProduct::product).toList();
    assertThat(products.get(0).id()).isEqualTo("8");
    assertThat(products.get(0).title()).isEqualTo("Sod");
    assertThat(products.get(0).price()).contains(new BigDecimal("0.5306667"));
    assertThat(products.get(0).standIn()).isTrue();
    assertThat(products.get(1).id()).isEqualTo(ProductRecord.PLACEHOLDER_ID);
    assertThat(products.get(1).title()).isEqualTo(ProductRecord.PLACEHOLDER_TITLE);

    apply(plan, store);
    // when the real item syncs, its fingerprint differs from the stand-in: it replaces it
    SyncPlan real =
        plan(SyncChunk.builder().addProducts(MAPPER.item(Item.builder().id("8").name("Sod").build())).build(), store);
    assertThat(real.operationsOf(UpsertProduct.class)).singleElement()
        .satisfies(p -> assertThat(p.product().standIn()).isFalse());
  }

  @Test
  void voidedOrder_cancelsASyncedOrder_andSkipsANeverSyncedOne() {
    Invoice open = QboFixtures.single("invoice-read-before-void_qbo-api.json", "Invoice", Invoice.class);
    Invoice voided = QboFixtures.single("invoice-void-response_qbo-api.json", "Invoice", Invoice.class);
    CustomerDirectory directory = CustomerDirectory.of(Map.of("1", CustomerResolution.synced("amy")));

    SyncPlan neverSynced = plan(SyncChunk.builder().addOrders(MAPPER.invoice(voided, directory)).build(), store);
    assertThat(neverSynced.skips()).singleElement()
        .satisfies(s -> assertThat(s.reason()).isEqualTo(SkipReason.VOIDED_BEFORE_SYNC));
    assertThat(neverSynced.stateChanges()).isEmpty();

    SyncPlan create = plan(SyncChunk.builder().addOrders(MAPPER.invoice(open, directory)).build(), store);
    apply(create, store);
    SyncChunk voidChunk = SyncChunk.builder().addOrders(MAPPER.invoice(voided, directory)).build();
    SyncPlan cancel = plan(voidChunk, store);

    assertThat(cancel.operations()).singleElement().isInstanceOf(CancelOrder.class);
    assertThat(((CancelOrder) cancel.operations().get(0)).order().id()).isEqualTo("invoice-264");
    apply(cancel, store);
    assertThat(plan(voidChunk, store).operations()).isEmpty();
  }

  @Test
  void deletedInvoice_deletesASyncedOrder_winsOverAMappedOne_andIgnoresCustomers() {
    OrderRecord order = order("266", "amy", "1");
    store.put(RecordKey.of(RecordKind.INVOICE, "266"),
        RecordState.of(RecordKey.of(RecordKind.INVOICE, "266"), "old", "invoice-266"));
    store.put(RecordKey.of(RecordKind.CUSTOMER, "5"), RecordState.of(RecordKey.of(RecordKind.CUSTOMER, "5"), "c", "h"));
    store.put(RecordKey.of(RecordKind.ITEM, "1"), RecordState.of(RecordKey.of(RecordKind.ITEM, "1"), "p", "1"));
    SyncChunk chunk =
        SyncChunk.builder()
            .addOrders(PlanFixtures.order(order))
            .addDeletions(
                RecordKey.of(RecordKind.INVOICE, "266"),
                RecordKey.of(RecordKind.INVOICE, "999"),
                RecordKey.of(RecordKind.CUSTOMER, "5"))
            .build();

    SyncPlan plan = plan(chunk, store);

    assertThat(plan.operations())
        .containsExactly(
            new DeleteOrder("invoice-266", QboEntity.INVOICE, "266",
                List.of(StateChange.remove(RecordKey.of(RecordKind.INVOICE, "266")))));
    apply(plan, store);
    assertThat(store).containsKey(RecordKey.of(RecordKind.CUSTOMER, "5"));
    assertThat(plan(chunk, store).operations()).isEmpty();
  }

  @Test
  void changedOrderOnly_writesOnlyTheOrder() {
    store.put(RecordKey.of(RecordKind.ITEM, "1"), RecordState.of(RecordKey.of(RecordKind.ITEM, "1"), "p", "1"));
    apply(plan(SyncChunk.builder().addOrders(PlanFixtures.order(order("1", "c", "1"))).build(), store), store);
    OrderRecord paid = OrderRecord.builder().from(order("1", "c", "1")).financialStatus(FinancialStatus.PAID).build();

    SyncPlan plan = plan(SyncChunk.builder().addOrders(PlanFixtures.order(paid)).build(), store);

    assertThat(plan.operations()).singleElement().isInstanceOf(UpsertOrder.class);
  }

  @Test
  void plan_isDeterministic() {
    Map<String, Customer> customers = fixtureCustomers();
    SyncChunk chunk =
        SyncChunk.builder().addAllCustomers(customers.values().stream().map(MAPPER::customer).toList()).build();

    assertThat(plan(chunk, store).operations()).isEqualTo(plan(chunk, store).operations());
  }

  @Test
  void deletionKey_mapsQboEntityNames() {
    assertThat(SyncChunk.deletionKey("Invoice", "65")).contains(RecordKey.of(RecordKind.INVOICE, "65"));
    assertThat(SyncChunk.deletionKey("SalesReceipt", "6")).contains(RecordKey.of(RecordKind.SALES_RECEIPT, "6"));
    assertThat(SyncChunk.deletionKey("Customer", "27")).contains(RecordKey.of(RecordKind.CUSTOMER, "27"));
    assertThat(SyncChunk.deletionKey("Estimate", "1")).isEmpty();
    assertThat(SyncChunk.deletionKey("Invoice", " ")).isEmpty();
  }
}
