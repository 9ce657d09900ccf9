package dev.qbmc.core.reconcile;

import static dev.qbmc.core.reconcile.PlanFixtures.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qbmc.core.mapping.FinancialStatus;
import dev.qbmc.core.mapping.MappedCustomer;
import dev.qbmc.core.mapping.MappingOutcome;
import dev.qbmc.core.mapping.OrderRecord;
import dev.qbmc.core.model.ContactLimitPolicy;
import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.SkipReason;
import dev.qbmc.quickbooks.model.Customer;
import dev.qbmc.quickbooks.model.EmailAddress;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactLimitsTest {

  private static MappingOutcome<MappedCustomer> customer(String id) {
    return MAPPER.customer(Customer.builder().id(id).primaryEmailAddr(EmailAddress.of("c" + id + "@shop.com")).build());
  }

  private static MappingOutcome<OrderRecord> orderOf(MappingOutcome<MappedCustomer> customer, String id) {
    return PlanFixtures.order(
        OrderRecord.builder()
            .entityType(QboEntity.SALES_RECEIPT)
            .qboId(id)
            .customerId(customer.record().get().commerceCustomer().id())
            .currencyCode("USD")
            .orderTotal(BigDecimal.ONE)
            .financialStatus(FinancialStatus.PAID)
            .build());
  }

  private final MappingOutcome<MappedCustomer> c1 = customer("1");
  private final MappingOutcome<MappedCustomer> c2 = customer("2");
  private final MappingOutcome<MappedCustomer> c3 = customer("3");
  private final SyncPlan plan =
      PlanFixtures.plan(
          SyncChunk.builder()
              .addCustomers(c1, c2, c3, PlanFixtures.customerSkipped("4"))
              .addOrders(orderOf(c1, "10"), orderOf(c3, "30"))
              .build(),
          new HashMap<>());

  @Test
  void decide_whenWithinLimit_runsThePlanAsItIs() {
    ContactLimitDecision d = ContactLimits.decide(plan, 497, 500, ContactLimitPolicy.STOP_BEFORE_WRITING);

    assertThat(d.outcome()).isEqualTo(ContactLimitDecision.Outcome.WITHIN_LIMIT);
    assertThat(d.plan()).isSameAs(plan);
    assertThat(d.newContacts()).isEqualTo(3);
    assertThat(d.available()).isEqualTo(3);
  }

  @Test
  void decide_stopBeforeWriting_keepsOnlyTheSkips() {
    ContactLimitDecision d = ContactLimits.decide(plan, 499, 500, ContactLimitPolicy.STOP_BEFORE_WRITING);

    assertThat(d.outcome()).isEqualTo(ContactLimitDecision.Outcome.STOPPED);
    assertThat(d.mayWrite()).isFalse();
    assertThat(d.plan().hasNoWrites()).isTrue();
    assertThat(d.plan().skips()).hasSize(1);
  }

  @Test
  void decide_syncUpToLimit_skipsTheRestWithTheirCustomersAndOrders() {
    ContactLimitDecision d = ContactLimits.decide(plan, 499, 500, ContactLimitPolicy.SYNC_UP_TO_LIMIT);

    assertThat(d.outcome()).isEqualTo(ContactLimitDecision.Outcome.LIMITED);
    SyncPlan limited = d.plan();
    assertThat(limited.operationsOf(SyncOperation.UpsertMember.class))
        .extracting(m -> m.contact().qboCustomerId()).containsExactly("1");
    assertThat(limited.operationsOf(SyncOperation.TagMembers.class).get(0).members()).hasSize(1);
    assertThat(limited.operationsOf(SyncOperation.UpsertCustomer.class))
        .extracting(c -> c.customer().qboCustomerId()).containsExactly("1");
    assertThat(limited.operationsOf(SyncOperation.UpsertOrder.class))
        .extracting(o -> o.order().qboId()).containsExactly("10");
    assertThat(limited.skips())
        .extracting(SyncOperation.Skip::qboId, SyncOperation.Skip::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("4", SkipReason.NO_EMAIL),
            org.assertj.core.groups.Tuple.tuple("2", SkipReason.CONTACT_LIMIT),
            org.assertj.core.groups.Tuple.tuple("3", SkipReason.CONTACT_LIMIT),
            org.assertj.core.groups.Tuple.tuple("30", SkipReason.CONTACT_LIMIT));
    assertThat(limited.stateChanges()).extracting(StateChange::key).doesNotContain(
        RecordKey.of(RecordKind.CUSTOMER, "2"), RecordKey.of(RecordKind.SALES_RECEIPT, "30"));
  }

  @Test
  void decide_proceed_runsEverything() {
    ContactLimitDecision d = ContactLimits.decide(plan, 600, 500, ContactLimitPolicy.PROCEED);

    assertThat(d.outcome()).isEqualTo(ContactLimitDecision.Outcome.OVER_LIMIT_PROCEEDING);
    assertThat(d.available()).isZero();
    assertThat(d.plan()).isSameAs(plan);
  }

  @Test
  void decide_existingContactsDoNotCount() {
    SyncPlan updates = SyncPlan.of(List.of(new SyncOperation.UpsertMember(c1.record().get().contact(), false)));

    assertThat(ContactLimits.decide(updates, 500, 500, ContactLimitPolicy.STOP_BEFORE_WRITING).outcome())
        .isEqualTo(ContactLimitDecision.Outcome.WITHIN_LIMIT);
  }

  @Test
  void decide_rejectsNegativeNumbers() {
    assertThatThrownBy(() -> ContactLimits.decide(plan, -1, 500, ContactLimitPolicy.PROCEED))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
