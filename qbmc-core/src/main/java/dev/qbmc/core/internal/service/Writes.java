package dev.qbmc.core.internal.service;

import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.reconcile.StateChange;
import dev.qbmc.core.reconcile.SyncOperation.CancelOrder;
import dev.qbmc.core.reconcile.SyncOperation.DeleteOrder;
import dev.qbmc.core.reconcile.SyncOperation.TaggedMember;
import dev.qbmc.core.reconcile.SyncOperation.UpsertCustomer;
import dev.qbmc.core.reconcile.SyncOperation.UpsertMember;
import dev.qbmc.core.reconcile.SyncOperation.UpsertOrder;
import dev.qbmc.core.reconcile.SyncOperation.UpsertProduct;
import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.mailchimp.model.MemberTagsUpdate;
import dev.qbmc.mailchimp.model.OrderPatch;
import dev.qbmc.mailchimp.model.TagChange;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns planned operations into {@link Write}s: the request bodies from {@link MailchimpRecords},
 * the requests (and so every Mailchimp path) from the client's {@code prepare...} methods.
 */
final class Writes {
  private final MailchimpClient mailchimp;
  private final String listId;
  private final String storeId;
  private final MailchimpRecords records;
  private final Clock clock;

  Writes(MailchimpClient mailchimp, String listId, String storeId, MailchimpRecords records, Clock clock) {
    this.mailchimp = mailchimp;
    this.listId = listId;
    this.storeId = storeId;
    this.records = records;
    this.clock = clock;
  }

  Write member(UpsertMember op) {
    return new Write("m:" + op.contact().subscriberHash(), op, List.of(), QboEntity.CUSTOMER,
        List.of(op.contact().qboCustomerId()), mailchimp.members().prepareUpsert(listId, records.member(op.contact())),
        false);
  }

  /** The import tag and the member's changed fact tags, in one request. */
  Write tag(String tag, TaggedMember member) {
    MemberTagsUpdate.Builder update = MemberTagsUpdate.builder().addTags(TagChange.active(tag));
    member.factTags().forEach((name, on) -> update.addTags(on ? TagChange.active(name) : TagChange.inactive(name)));
    return new Write("t:" + member.subscriberHash(), null, List.of(member.confirms()), QboEntity.CUSTOMER, List.of(),
        mailchimp.members().prepareUpdateTagsByHash(listId, member.subscriberHash(), update.build()), false);
  }

  Write customer(UpsertCustomer op) {
    return new Write("c:" + op.customer().id(), op, op.confirms(), QboEntity.CUSTOMER, qboIds(op.confirms()),
        mailchimp.ecommerce().prepareUpsertCustomer(storeId, MailchimpRecords.customer(op.customer())), false);
  }

  Write product(UpsertProduct op) {
    String id = op.product().id();
    return new Write("p:" + id, op, op.confirms(), QboEntity.ITEM, List.of(id),
        mailchimp.ecommerce().prepareUpsertProduct(storeId, MailchimpRecords.product(op.product())), false);
  }

  Write order(UpsertOrder op) {
    return new Write("o:" + op.order().id(), op, op.confirms(), op.order().entityType(), List.of(op.order().qboId()),
        mailchimp.ecommerce().prepareUpsertOrder(storeId, MailchimpRecords.order(op.order())), false);
  }

  /**
   * A voided transaction: the order is kept with its original amounts and marked cancelled, which
   * Mailchimp records as a cancellation (a PATCH of {@code financial_status} and {@code
   * cancelled_at_foreign}).
   */
  Write cancel(CancelOrder op) {
    OrderPatch body =
        OrderPatch.builder()
            .financialStatus("cancelled")
            .cancelledAtForeign(clock.instant().atOffset(ZoneOffset.UTC))
            .build();
    String id = op.order().id();
    return new Write("x:" + id, op, op.confirms(), op.order().entityType(), List.of(op.order().qboId()),
        mailchimp.ecommerce().preparePatchOrder(storeId, id, body), false);
  }

  /** A deleted transaction: its order is deleted; an order already gone counts as deleted. */
  Write delete(DeleteOrder op) {
    return new Write("d:" + op.orderId(), op, op.confirms(), op.entityType(), List.of(op.qboId()),
        mailchimp.ecommerce().prepareDeleteOrder(storeId, op.orderId()), true);
  }

  /** The QBO customer ids whose states a write confirms. */
  static List<String> qboIds(List<StateChange> confirms) {
    List<String> ids = new ArrayList<>();
    for (StateChange change : confirms) {
      RecordKey key = change.key();
      if (key.kind() == RecordKind.CUSTOMER) {
        ids.add(key.id());
      }
    }
    return ids;
  }
}
