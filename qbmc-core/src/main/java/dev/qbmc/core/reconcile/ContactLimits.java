package dev.qbmc.core.reconcile;

import dev.qbmc.core.model.ContactLimitPolicy;
import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.SkipReason;
import dev.qbmc.core.reconcile.SyncOperation.CancelOrder;
import dev.qbmc.core.reconcile.SyncOperation.Skip;
import dev.qbmc.core.reconcile.SyncOperation.TagMembers;
import dev.qbmc.core.reconcile.SyncOperation.TaggedMember;
import dev.qbmc.core.reconcile.SyncOperation.UpsertCustomer;
import dev.qbmc.core.reconcile.SyncOperation.UpsertMember;
import dev.qbmc.core.reconcile.SyncOperation.UpsertOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a plan against the account's contact limit. New contacts are the plan's {@link
 * UpsertMember}s without earlier state ({@link SyncPlan#newContactCount()}): counting them is
 * conservative, since some may already be in the audience. A sync that plans chunk by chunk calls
 * {@link #decide} per chunk with the audience size plus the new contacts admitted by its earlier
 * chunks, so the limit holds for the whole run.
 */
public final class ContactLimits {

  private ContactLimits() {}

  /**
   * Decides what to run.
   *
   * @param plan the plan of a chunk
   * @param audienceSize the contacts the audience (or account) has now
   * @param limit the contact limit configured by the host
   * @param policy what to do past the limit
   * @return the decision with the plan to run
   * @throws IllegalArgumentException if the size or limit is negative
   */
  public static ContactLimitDecision decide(
      SyncPlan plan, long audienceSize, long limit, ContactLimitPolicy policy) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(policy, "policy");
    if (audienceSize < 0 || limit < 0) {
      throw new IllegalArgumentException("audienceSize and limit must not be negative");
    }
    int newContacts = plan.newContactCount();
    long available = Math.max(0, limit - audienceSize);
    if (newContacts <= available) {
      return new ContactLimitDecision(
          ContactLimitDecision.Outcome.WITHIN_LIMIT, newContacts, available, plan);
    }
    switch (policy) {
      case PROCEED:
        return new ContactLimitDecision(
            ContactLimitDecision.Outcome.OVER_LIMIT_PROCEEDING, newContacts, available, plan);
      case STOP_BEFORE_WRITING:
        return new ContactLimitDecision(
            ContactLimitDecision.Outcome.STOPPED, newContacts, available, SyncPlan.of(plan.skips()));
      case SYNC_UP_TO_LIMIT:
      default:
        return new ContactLimitDecision(
            ContactLimitDecision.Outcome.LIMITED, newContacts, available, limit(plan, available));
    }
  }

  private static SyncPlan limit(SyncPlan plan, long available) {
    Set<String> excluded = new HashSet<>();
    long admitted = 0;
    for (UpsertMember member : plan.operationsOf(UpsertMember.class)) {
      if (member.isNew()) {
        if (admitted < available) {
          admitted++;
        } else {
          excluded.add(member.contact().subscriberHash());
        }
      }
    }
    List<SyncOperation> kept = new ArrayList<>();
    List<SyncOperation> limitSkips = new ArrayList<>();
    for (SyncOperation op : plan.operations()) {
      if (op instanceof UpsertMember) {
        UpsertMember member = (UpsertMember) op;
        if (excluded.contains(member.contact().subscriberHash())) {
          limitSkips.add(limitSkip(QboEntity.CUSTOMER, member.contact().qboCustomerId()));
          continue;
        }
      } else if (op instanceof TagMembers) {
        TagMembers tags = (TagMembers) op;
        List<TaggedMember> members = new ArrayList<>();
        for (TaggedMember m : tags.members()) {
          if (!excluded.contains(m.subscriberHash())) {
            members.add(m);
          }
        }
        if (members.isEmpty()) {
          continue;
        }
        op = new TagMembers(tags.tag(), members);
      } else if (op instanceof UpsertCustomer) {
        UpsertCustomer customer = (UpsertCustomer) op;
        if (excluded.contains(customer.customer().id())) {
          for (StateChange change : customer.confirms()) {
            if (!change.key().id().equals(customer.customer().qboCustomerId())) {
              limitSkips.add(limitSkip(QboEntity.CUSTOMER, change.key().id()));
            }
          }
          continue;
        }
      } else if (op instanceof UpsertOrder) {
        UpsertOrder order = (UpsertOrder) op;
        if (excluded.contains(order.order().customerId())) {
          limitSkips.add(limitSkip(order.order().entityType(), order.order().qboId()));
          continue;
        }
      } else if (op instanceof CancelOrder) {
        CancelOrder order = (CancelOrder) op;
        if (excluded.contains(order.order().customerId())) {
          limitSkips.add(limitSkip(order.order().entityType(), order.order().qboId()));
          continue;
        }
      } else if (op instanceof Skip) {
        limitSkips.add(op);
        continue;
      }
      kept.add(op);
    }
    kept.addAll(limitSkips);
    return SyncPlan.of(kept);
  }

  private static Skip limitSkip(QboEntity type, String qboId) {
    return new Skip(type, qboId, SkipReason.CONTACT_LIMIT, "the account's contact limit was reached");
  }
}
