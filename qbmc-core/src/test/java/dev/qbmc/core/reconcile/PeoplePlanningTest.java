package dev.qbmc.core.reconcile;

import static dev.qbmc.core.reconcile.PlanFixtures.apply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.mapping.CustomerDirectory;
import dev.qbmc.core.mapping.CustomerResolution;
import dev.qbmc.core.mapping.MappedCustomer;
import dev.qbmc.core.mapping.MappingOutcome;
import dev.qbmc.core.mapping.OrderRecord;
import dev.qbmc.core.mapping.ParentLink;
import dev.qbmc.core.mapping.QboMapper;
import dev.qbmc.core.mapping.SyncSettings;
import dev.qbmc.core.model.FactTags;
import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.model.SkipReason;
import dev.qbmc.core.reconcile.SyncOperation.AttachToParent;
import dev.qbmc.core.reconcile.SyncOperation.TagMembers;
import dev.qbmc.core.reconcile.SyncOperation.TaggedMember;
import dev.qbmc.core.reconcile.SyncOperation.UpsertMember;
import dev.qbmc.quickbooks.model.Customer;
import dev.qbmc.quickbooks.model.EmailAddress;
import dev.qbmc.quickbooks.model.Invoice;
import dev.qbmc.quickbooks.model.Line;
import dev.qbmc.quickbooks.model.LineDetailType;
import dev.qbmc.quickbooks.model.PhysicalAddress;
import dev.qbmc.quickbooks.model.ReferenceType;
import dev.qbmc.quickbooks.model.SalesItemLineDetail;
import dev.qbmc.quickbooks.model.TelephoneNumber;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The planner's rules for contacts that read like people: the representative across chunks and
 * syncs, jobs attached to their parent, and the open-balance and overdue tags.
 */
class PeoplePlanningTest {

  private static final String OPEN = "QuickBooks open balance";
  private static final String OVERDUE = "QuickBooks overdue";
  private static final LocalDate TODAY = LocalDate.parse("2026-03-02");
  private static final QboMapper MAPPER = QboMapper.of(SyncSettings.builder()
      .marketingStatus(MarketingStatus.SUBSCRIBED).storeId("store").homeCurrency("USD")
      .factTags(FactTags.defaults()).build());

  private final Map<RecordKey, RecordState> store = new HashMap<>();

  // ---------------------------------------------------------------- the company

  private static Customer maya(BigDecimal balanceWithJobs) {
    return Customer.builder().id("10").displayName("Maya Chen").givenName("Maya").familyName("Chen")
        .primaryEmailAddr(EmailAddress.of("maya@chen.example"))
        .primaryPhone(TelephoneNumber.of("+1 555 0100"))
        .billAddr(PhysicalAddress.builder().line1("1 Main St").city("Springfield").countrySubDivisionCode("IL")
            .postalCode("62701").build())
        .balanceWithJobs(balanceWithJobs)
        .build();
  }

  private static Customer job(String id, String parentId, String name, String email) {
    Customer.Builder b = Customer.builder().id(id).displayName(name).job(true)
        .parentRef(ReferenceType.builder().value(parentId).build());
    if (email != null) {
      b.primaryEmailAddr(EmailAddress.of(email));
    }
    return b.build();
  }

  private static String hash(String email) {
    return MAPPER.customer(Customer.builder().id("1").primaryEmailAddr(EmailAddress.of(email)).build())
        .record().orElseThrow().contact().subscriberHash();
  }

  private static final String MAYA = hash("maya@chen.example");

  /** A chunk of customers with their links, tagged like a connection with both fact tags. */
  private static SyncChunk customers(Customer... customers) {
    SyncChunk.Builder b = base();
    for (Customer c : customers) {
      b.addCustomers(MAPPER.customer(c));
      MAPPER.parentLink(c).ifPresent(b::addLinks);
    }
    return b.build();
  }

  private static SyncChunk.Builder base() {
    return SyncChunk.builder().today(TODAY).openBalanceTag(OPEN).overdueTag(OVERDUE);
  }

  private SyncPlan plan(SyncChunk chunk) {
    Map<RecordKey, RecordState> loaded = new HashMap<>();
    Set<RecordKey> keys = new LinkedHashSet<>(chunk.stateKeys());
    keys.forEach(k -> { if (store.containsKey(k)) loaded.put(k, store.get(k)); });
    for (RecordKey k : Reconciler.followUpKeys(chunk, loaded)) {
      if (store.containsKey(k)) {
        loaded.put(k, store.get(k));
      }
    }
    return Reconciler.plan(chunk, loaded);
  }

  private SyncPlan planAndApply(SyncChunk chunk) {
    SyncPlan plan = plan(chunk);
    apply(plan, store);
    return plan;
  }

  private ContactMemo memo(String hash) {
    return ContactMemo.parse(store.get(RecordKey.of(RecordKind.CONTACT, hash)).memo());
  }

  private String orderCustomer(String qboCustomerId) {
    RecordState s = store.get(RecordKey.of(RecordKind.CUSTOMER, qboCustomerId));
    return s == null ? null : s.mailchimpId().orElse(null);
  }

  private static OrderRecord invoice(String id, String commerceCustomerId, String balance, String dueDate) {
    Invoice invoice = Invoice.builder().id(id)
        .customerRef(ReferenceType.builder().value("c").build())
        .totalAmt(new BigDecimal("100.00")).balance(new BigDecimal(balance))
        .dueDate(LocalDate.parse(dueDate))
        .addLines(Line.builder().id("1").amount(new BigDecimal("100.00")).detailType(LineDetailType.SALES_ITEM_LINE_DETAIL)
            .salesItemLineDetail(SalesItemLineDetail.builder().itemRef(ReferenceType.builder().value("1").build()).build())
            .build())
        .build();
    return MAPPER.invoice(invoice, CustomerDirectory.of(Map.of("c", CustomerResolution.synced(commerceCustomerId))))
        .record().orElseThrow();
  }

  private static SyncChunk invoices(OrderRecord... orders) {
    SyncChunk.Builder b = base();
    for (OrderRecord o : orders) {
      b.addOrders(MappingOutcome.mapped(QboEntity.INVOICE, o.qboId(), o));
    }
    return b.build();
  }

  private static Map<String, Map<String, Boolean>> factTagsByHash(SyncPlan plan) {
    Map<String, Map<String, Boolean>> out = new HashMap<>();
    for (TagMembers t : plan.operationsOf(TagMembers.class)) {
      for (TaggedMember m : t.members()) {
        out.put(m.subscriberHash(), m.factTags());
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- representative

  @Test
  void jobFirst_thenParentInALaterChunk_theParentTakesOverTheContact() {
    SyncPlan first = planAndApply(customers(job("11", "10", "Catering 2025", "maya@chen.example")));
    assertThat(first.operationsOf(UpsertMember.class)).singleElement()
        .satisfies(m -> assertThat(m.contact().firstName()).as("a job's name is no person's name").isEmpty());

    SyncPlan second = planAndApply(customers(maya(BigDecimal.ZERO)));

    assertThat(second.operationsOf(UpsertMember.class)).singleElement().satisfies(m -> {
      assertThat(m.contact().qboCustomerId()).isEqualTo("10");
      assertThat(m.contact().firstName()).contains("Maya");
      assertThat(m.contact().lastName()).contains("Chen");
      assertThat(m.contact().address()).isPresent();
      assertThat(m.contact().phone()).contains("+1 555 0100");
      assertThat(m.isNew()).isFalse();
    });
    assertThat(memo(MAYA).representative()).hasValueSatisfying(r -> assertThat(r.qboId()).isEqualTo("10"));
  }

  @Test
  void aLaterChangeOfAJob_doesNotRewriteTheContact_aChangeOfTheRepresentativeDoes() {
    planAndApply(customers(maya(BigDecimal.ZERO), job("11", "10", "Catering 2025", "maya@chen.example")));

    SyncPlan jobChanged = planAndApply(customers(
        Customer.builder().from(job("11", "10", "Catering 2025", "maya@chen.example")).givenName("Cater").build()));
    SyncPlan mayaChanged = planAndApply(customers(Customer.builder().from(maya(BigDecimal.ZERO)).familyName("Chen-Li").build()));

    assertThat(jobChanged.writes()).isEmpty();
    assertThat(mayaChanged.operationsOf(UpsertMember.class)).singleElement()
        .satisfies(m -> assertThat(m.contact().lastName()).contains("Chen-Li"));
  }

  @Test
  void activeBeforeInactive_thenLowestId_amongTopLevelCustomers() {
    Customer inactive = Customer.builder().id("5").givenName("Old").primaryEmailAddr(EmailAddress.of("x@ex.example"))
        .active(false).build();
    Customer active12 = Customer.builder().id("12").givenName("Twelve").primaryEmailAddr(EmailAddress.of("x@ex.example"))
        .build();
    Customer active9 = Customer.builder().id("9").givenName("Nine").primaryEmailAddr(EmailAddress.of("x@ex.example"))
        .build();

    SyncPlan plan = planAndApply(customers(inactive, active12, active9));

    assertThat(plan.operationsOf(UpsertMember.class)).singleElement()
        .satisfies(m -> assertThat(m.contact().firstName()).contains("Nine"));
    // numeric: 9 before 12 although "12" < "9" as text
  }

  @Test
  void aRepresentativeWhoseEmailChanged_leavesTheContactToTheNextCustomerWithThatEmail() {
    planAndApply(customers(maya(BigDecimal.ZERO), job("11", "10", "Catering 2025", "maya@chen.example")));

    planAndApply(customers(Customer.builder().from(maya(BigDecimal.ZERO))
        .primaryEmailAddr(EmailAddress.of("maya@new.example")).build()));
    assertThat(memo(MAYA).representative()).isEmpty();

    SyncPlan jobChanged = planAndApply(customers(
        Customer.builder().from(job("11", "10", "Catering 2025", "maya@chen.example")).givenName("Ana").build()));
    assertThat(jobChanged.operationsOf(UpsertMember.class)).singleElement()
        .satisfies(m -> assertThat(m.contact().firstName()).contains("Ana"));
  }

  // ---------------------------------------------------------------- jobs attached to their parent

  @Test
  void jobWithoutEmail_attachesItsOrdersToTheParentsContact_inTheSameChunk_notSkipped() {
    SyncPlan plan = planAndApply(customers(maya(BigDecimal.ZERO), job("12", "10", "Office Lunches", null)));

    assertThat(plan.skips()).isEmpty();
    assertThat(plan.operationsOf(AttachToParent.class)).singleElement().satisfies(a -> {
      assertThat(a.link().qboId()).isEqualTo("12");
      assertThat(a.commerceCustomerId()).isEqualTo(MAYA);
    });
    assertThat(orderCustomer("12")).isEqualTo(MAYA);
    assertThat(plan(customers(maya(BigDecimal.ZERO), job("12", "10", "Office Lunches", null))).stateChanges())
        .as("planned again: nothing to store").isEmpty();
  }

  @Test
  void nestedJobs_reachTheTopLevelAncestor_throughLinksAndStoredParents() {
    planAndApply(customers(maya(BigDecimal.ZERO)));
    planAndApply(customers(job("13", "10", "Wedding", null), job("14", "13", "Rehearsal", null)));
    planAndApply(customers(job("15", "14", "Rehearsal dinner", null)));

    assertThat(orderCustomer("13")).isEqualTo(MAYA);
    assertThat(orderCustomer("14")).isEqualTo(MAYA);
    assertThat(orderCustomer("15")).isEqualTo(MAYA);
  }

  @Test
  void jobWhoseParentIsNotKnownYet_isDeferred_thenAttachedOnceTheParentIsSynced() {
    SyncPlan early = planAndApply(customers(job("12", "10", "Office Lunches", null)));
    assertThat(early.deferredLinks()).extracting(ParentLink::qboId).containsExactly("12");
    assertThat(early.skips()).isEmpty();

    planAndApply(customers(maya(BigDecimal.ZERO)));
    SyncPlan last = planAndApply(base().addAllLinks(early.deferredLinks()).deferUnresolvedLinks(false).build());

    assertThat(last.operationsOf(AttachToParent.class)).hasSize(1);
    assertThat(orderCustomer("12")).isEqualTo(MAYA);
  }

  @Test
  void jobWhoseParentIsNotSynced_isSkipped_withItsOwnReason_onTheLastAttempt() {
    Customer orphanParent = Customer.builder().id("20").displayName("No Mail Ltd").build();

    SyncPlan sameChunk = plan(customers(orphanParent, job("21", "20", "Site", null)));
    SyncPlan lastAttempt = plan(base().addLinks(MAPPER.parentLink(job("22", "30", "Site", null)).orElseThrow())
        .deferUnresolvedLinks(false).build());

    assertThat(sameChunk.skips()).extracting(SyncOperation.Skip::qboId, SyncOperation.Skip::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("20", SkipReason.NO_EMAIL),
            org.assertj.core.groups.Tuple.tuple("21", SkipReason.NO_EMAIL));
    assertThat(sameChunk.skips()).filteredOn(skip -> skip.qboId().equals("21")).singleElement()
        .satisfies(skip -> assertThat(skip.detail()).contains("parent 20 is not synced"));
    assertThat(lastAttempt.skips()).singleElement()
        .satisfies(s -> assertThat(s.reason()).isEqualTo(SkipReason.CUSTOMER_NOT_SYNCED));
  }

  @Test
  void jobBilledWithItsParent_keepsItsOwnContact_butItsOrdersGoToTheParent() {
    Customer tasting = Customer.builder().from(job("16", "10", "Tasting", "tasting@chen.example")).billWithParent(true)
        .build();

    SyncPlan plan = planAndApply(customers(maya(BigDecimal.ZERO), tasting));

    assertThat(plan.operationsOf(UpsertMember.class)).extracting(m -> m.contact().qboCustomerId())
        .containsExactlyInAnyOrder("10", "16");
    assertThat(orderCustomer("16")).isEqualTo(MAYA);
    assertThat(plan(customers(maya(BigDecimal.ZERO), tasting)).hasNoWrites()).isTrue();
  }

  // ---------------------------------------------------------------- fact tags

  @Test
  void openBalance_followsTheRepresentative_addedAndRemovedInTheTagRequest() {
    SyncPlan owes = planAndApply(customers(maya(new BigDecimal("50.00"))));
    assertThat(factTagsByHash(owes).get(MAYA)).containsExactly(Map.entry(OPEN, true));

    SyncPlan jobPays = planAndApply(customers(job("11", "10", "Catering", "maya@chen.example")));
    assertThat(factTagsByHash(jobPays)).as("a job does not decide the balance").isEmpty();

    SyncPlan paid = planAndApply(customers(maya(BigDecimal.ZERO)));
    assertThat(paid.operationsOf(UpsertMember.class)).as("only the tag changes").isEmpty();
    assertThat(factTagsByHash(paid).get(MAYA)).containsExactly(Map.entry(OPEN, false));
    assertThat(plan(customers(maya(BigDecimal.ZERO))).hasNoWrites()).isTrue();
  }

  @Test
  void newContactWithoutFacts_getsNoRemovals() {
    SyncPlan plan = plan(customers(maya(BigDecimal.ZERO)));

    assertThat(factTagsByHash(plan).get(MAYA)).isEmpty();
  }

  @Test
  void overdue_isAddedByAnOverdueInvoice_keptWhileAnotherIsOverdue_removedWhenNoneIs() {
    planAndApply(customers(maya(BigDecimal.ZERO)));

    SyncPlan a = planAndApply(invoices(invoice("100", MAYA, "40.00", "2026-02-01"), invoice("101", MAYA, "10.00", "2026-02-10")));
    assertThat(factTagsByHash(a).get(MAYA)).containsExactly(Map.entry(OVERDUE, true));

    SyncPlan onePaid = planAndApply(invoices(invoice("100", MAYA, "0.00", "2026-02-01")));
    assertThat(onePaid.writes()).extracting(op -> op.getClass().getSimpleName()).containsExactly("UpsertOrder");

    SyncPlan notYetDue = planAndApply(invoices(invoice("102", MAYA, "5.00", "2026-03-02")));
    assertThat(factTagsByHash(notYetDue)).as("due today is not overdue").isEmpty();

    SyncPlan otherPaid = planAndApply(invoices(invoice("101", MAYA, "0.00", "2026-02-10")));
    assertThat(factTagsByHash(otherPaid).get(MAYA)).containsExactly(Map.entry(OVERDUE, false));
  }

  @Test
  void anInvoiceThatBecameOverdueWithoutChanging_tagsTheContact_withoutAnOrderWrite() {
    planAndApply(customers(maya(BigDecimal.ZERO)));
    planAndApply(SyncChunk.builder().from(invoices(invoice("100", MAYA, "40.00", "2026-03-10"))).build());

    SyncPlan later = plan(SyncChunk.builder().from(invoices(invoice("100", MAYA, "40.00", "2026-03-10")))
        .today(LocalDate.parse("2026-03-11")).build());

    assertThat(later.operationsOf(SyncOperation.UpsertOrder.class)).isEmpty();
    assertThat(factTagsByHash(later).get(MAYA)).containsExactly(Map.entry(OVERDUE, true));
  }

  @Test
  void deletedOverdueInvoice_removesTheTag_throughTheInvoicesRememberedContact() {
    planAndApply(customers(maya(BigDecimal.ZERO)));
    planAndApply(invoices(invoice("100", MAYA, "40.00", "2026-02-01")));
    assertThat(memo(MAYA).overdueTag()).isTrue();

    SyncPlan deleted = planAndApply(base().addDeletions(RecordKey.of(RecordKind.INVOICE, "100")).build());

    assertThat(factTagsByHash(deleted).get(MAYA)).containsExactly(Map.entry(OVERDUE, false));
    assertThat(memo(MAYA).overdueTag()).isFalse();
  }

  @Test
  void invoiceMovedToAnotherCustomer_movesItsOverdueFact() {
    String other = hash("other@ex.example");
    planAndApply(customers(maya(BigDecimal.ZERO),
        Customer.builder().id("30").givenName("O").primaryEmailAddr(EmailAddress.of("other@ex.example")).build()));
    planAndApply(invoices(invoice("100", MAYA, "40.00", "2026-02-01")));

    SyncPlan moved = planAndApply(invoices(invoice("100", other, "40.00", "2026-02-01")));

    assertThat(factTagsByHash(moved)).containsEntry(MAYA, Map.of(OVERDUE, false)).containsEntry(other, Map.of(OVERDUE, true));
  }

  @Test
  void withoutFactTags_noTagIsAddedOrRemoved_andTheOverdueFactIsNotKept() {
    SyncChunk plain = SyncChunk.builder().addCustomers(MAPPER.customer(maya(new BigDecimal("5")))).build();

    SyncPlan plan = planAndApply(plain);
    SyncPlan invoices = planAndApply(SyncChunk.builder()
        .addOrders(MappingOutcome.mapped(QboEntity.INVOICE, "100", invoice("100", MAYA, "40.00", "2026-02-01"))).build());

    assertThat(factTagsByHash(plan).get(MAYA)).isEmpty();
    assertThat(factTagsByHash(invoices)).isEmpty();
    assertThat(memo(MAYA).hasOverdue()).isFalse();
  }

  @Test
  void aLegacyInvoiceStateWithoutMemo_learnsItsContactWhenItBecomesOverdue_withoutAnOrderWrite() {
    planAndApply(customers(maya(BigDecimal.ZERO)));
    OrderRecord order = invoice("100", MAYA, "40.00", "2026-02-01");
    RecordKey key = RecordKey.of(RecordKind.INVOICE, "100");
    store.put(key, RecordState.of(key, order.fingerprint(), order.id()));

    SyncPlan plan = planAndApply(invoices(order));

    assertThat(plan.operationsOf(SyncOperation.UpsertOrder.class)).isEmpty();
    assertThat(store.get(key).memo()).contains(MAYA);
  }

  @Test
  void overdueInvoicesTrackedPerContact_areBounded_andTheTagStays() {
    planAndApply(customers(maya(BigDecimal.ZERO)));
    List<OrderRecord> many = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      many.add(invoice(Integer.toString(1000 + i), MAYA, "1.00", "2026-01-01"));
    }
    planAndApply(invoices(many.toArray(OrderRecord[]::new)));

    assertThat(store.get(RecordKey.of(RecordKind.CONTACT, MAYA)).memo().orElseThrow().split(",")).hasSize(ContactMemo.MAX_OVERDUE);
    assertThat(memo(MAYA).overdueTag()).isTrue();
  }

  @Test
  void contactMemo_readsWhatItWrites_andTreatsGarbageAsEmpty() {
    ContactMemo m = ContactMemo.empty();
    m.representative(new dev.qbmc.core.mapping.CustomerRank("10", false, true));
    m.openBalanceTag(true);
    m.addOverdue("7");
    m.addOverdue("12");
    m.addOverdue("bad|id");

    assertThat(m.encode()).isEqualTo("1|ta10|B|7,12");
    assertThat(ContactMemo.parse(java.util.Optional.of(m.encode()))).isEqualTo(m);
    assertThat(ContactMemo.parse(java.util.Optional.of("2|x")).encode()).isEqualTo("1|-|-|-");
    assertThat(ContactMemo.parse(java.util.Optional.of("1|zz|BO|-")).representative()).isEmpty();
  }
}
