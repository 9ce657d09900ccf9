package dev.qbmc.core.internal.service;

import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.SkipReason;
import dev.qbmc.core.reconcile.StateChange;
import dev.qbmc.core.reconcile.SyncOperation.CancelOrder;
import dev.qbmc.core.reconcile.SyncOperation.DeleteOrder;
import dev.qbmc.core.reconcile.SyncOperation.TagMembers;
import dev.qbmc.core.reconcile.SyncOperation.TaggedMember;
import dev.qbmc.core.reconcile.SyncOperation.UpsertCustomer;
import dev.qbmc.core.reconcile.SyncOperation.UpsertMember;
import dev.qbmc.core.reconcile.SyncOperation.UpsertOrder;
import dev.qbmc.core.reconcile.SyncOperation.UpsertProduct;
import dev.qbmc.core.reconcile.SyncOperation;
import dev.qbmc.core.reconcile.SyncPlan;
import dev.qbmc.core.report.SkippedRecord;
import dev.qbmc.core.report.SyncFailure;
import dev.qbmc.core.report.SyncReportCollector;
import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.mailchimp.MailchimpMalformedResponseException;
import dev.qbmc.mailchimp.MailchimpServiceException;
import dev.qbmc.mailchimp.SubscriberHash;
import dev.qbmc.mailchimp.model.BatchUpsertResult;
import dev.qbmc.mailchimp.model.MemberFailure;
import dev.qbmc.mailchimp.model.MemberUpsert;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Writes one {@link SyncPlan} to Mailchimp and returns the state changes Mailchimp confirmed. A plan
 * whose only member writes are tags of existing members (fact tags an invoice changed) writes them
 * in the orders' wave, so an order chunk stays one {@code /batches} request.
 *
 * <p>Order: members first (new ones in batch-subscribe calls of up to 500 that never change an
 * existing member's status; changed ones by {@code PUT} with {@code status_if_new}), then one wave
 * with the import tags, e-commerce customers and products, then a second wave with the orders
 * (upserts, cancellations, deletions), because Mailchimp runs the operations of one {@code /batches}
 * request in no particular order and an order must name products and customers that exist. Each
 * wave runs through a {@link WaveRunner}.
 *
 * <p>A record Mailchimp refuses for good (fake, forgotten or compliance-state email, invalid data)
 * is reported as skipped with its reason; a record whose write failed for a passing reason is
 * reported as a failure; a record whose request cannot even be built is skipped as
 * {@link SkipReason#MALFORMED_RECORD}. In each case its state is not committed, so a later run
 * tries again, and no record stops the others.
 */
final class MailchimpWriter {
  private final MailchimpClient mailchimp;
  private final String listId;
  private final MailchimpRecords records;
  private final Writes writes;
  private final WaveRunner waves;
  private final SyncReportCollector report;
  /** Asked before every Mailchimp write; throws when the run may write nothing more. */
  private final Runnable gate;

  MailchimpWriter(
      MailchimpClient mailchimp,
      String listId,
      String storeId,
      MailchimpRecords records,
      Clock clock,
      int directWriteLimit,
      Duration batchTimeout,
      SyncReportCollector report,
      Runnable gate) {
    this.mailchimp = mailchimp;
    this.gate = gate;
    this.listId = listId;
    this.records = records;
    this.writes = new Writes(mailchimp, listId, storeId, records, clock);
    this.waves = new WaveRunner(mailchimp, directWriteLimit, batchTimeout, report, gate);
    this.report = report;
  }

  /** The operations that Mailchimp confirmed, and the state changes to commit for them. */
  record Applied(List<SyncOperation> operations, List<StateChange> confirmed) {}

  Applied apply(SyncPlan plan) {
    if (!plan.operationsOf(UpsertMember.class).isEmpty()) {
      records.mergeTags(); // read once per run, and only by a run that writes members
    }
    List<SyncOperation> done = new ArrayList<>();
    List<StateChange> confirmed = new ArrayList<>();
    List<Write> wave1 = new ArrayList<>();
    Map<String, UpsertMember> batchedMembers = new HashMap<>();
    Set<String> refusedHashes = writeMembers(plan.operationsOf(UpsertMember.class), done, wave1, batchedMembers);

    for (TagMembers tags : plan.operationsOf(TagMembers.class)) {
      for (TaggedMember member : tags.members()) {
        if (!refusedHashes.contains(member.subscriberHash())) {
          add(wave1, QboEntity.CUSTOMER, List.of(), () -> writes.tag(tags.tag(), member));
        }
      }
    }
    for (UpsertCustomer op : plan.operationsOf(UpsertCustomer.class)) {
      if (!refusedHashes.contains(op.customer().id())) {
        add(wave1, QboEntity.CUSTOMER, Writes.qboIds(op.confirms()), () -> writes.customer(op));
      }
    }
    for (UpsertProduct op : plan.operationsOf(UpsertProduct.class)) {
      add(wave1, QboEntity.ITEM, List.of(op.product().id()), () -> writes.product(op));
    }
    List<Write> wave2 = new ArrayList<>();
    if (plan.operationsOf(UpsertMember.class).isEmpty() && plan.operationsOf(UpsertCustomer.class).isEmpty()
        && plan.operationsOf(UpsertProduct.class).isEmpty()) {
      wave2.addAll(wave1); // only tags of existing members (fact tags): no need to write them before the orders
    } else {
      waves.run(wave1, done, confirmed);
      dropTagsOfUnwrittenMembers(batchedMembers, done, confirmed);
    }

    for (UpsertOrder op : plan.operationsOf(UpsertOrder.class)) {
      add(wave2, op.order().entityType(), List.of(op.order().qboId()), () -> writes.order(op));
    }
    for (CancelOrder op : plan.operationsOf(CancelOrder.class)) {
      add(wave2, op.order().entityType(), List.of(op.order().qboId()), () -> writes.cancel(op));
    }
    for (DeleteOrder op : plan.operationsOf(DeleteOrder.class)) {
      add(wave2, op.entityType(), List.of(op.qboId()), () -> writes.delete(op));
    }
    waves.run(wave2, done, confirmed);
    return new Applied(done, confirmed);
  }

  /**
   * Adds a write to a wave; a record whose request cannot be built (a value Mailchimp's model or the
   * client refuses) is skipped with the reason, and the others go on.
   */
  private void add(List<Write> wave, QboEntity entityType, List<String> qboIds, Supplier<Write> write) {
    try {
      wave.add(write.get());
    } catch (RuntimeException e) {
      unwritable(entityType, qboIds, e);
    }
  }

  private void unwritable(QboEntity entityType, List<String> qboIds, RuntimeException e) {
    String detail = "cannot be written to Mailchimp: " + e.getClass().getSimpleName() + ": "
        + RecordRejection.mask(e.getMessage());
    if (qboIds.isEmpty()) {
      report.failed(SyncFailure.general("UNWRITABLE_RECORD", detail));
    }
    for (String qboId : qboIds) {
      report.skipped(SkippedRecord.of(entityType, qboId, SkipReason.MALFORMED_RECORD, detail));
    }
  }

  /**
   * A changed member written in the same {@code /batches} wave as its tag: when the member write
   * failed, the tag's confirmation of the contact state must not be committed, or the change would
   * look written.
   */
  private static void dropTagsOfUnwrittenMembers(
      Map<String, UpsertMember> batchedMembers, List<SyncOperation> done, List<StateChange> confirmed) {
    if (batchedMembers.isEmpty()) {
      return;
    }
    Set<String> unwritten = new HashSet<>(batchedMembers.keySet());
    for (SyncOperation op : done) {
      if (op instanceof UpsertMember m) {
        unwritten.remove(m.contact().subscriberHash());
      }
    }
    confirmed.removeIf(c -> c.key().kind() == RecordKind.CONTACT && unwritten.contains(c.key().id()));
  }

  /**
   * Writes the members: new ones by batch subscribe (those the audience already had, or that its
   * answer did not account for, join the changed ones), changed ones call by call or, when there
   * are more than {@code directWriteLimit}, as {@code PUT} operations of the first {@code /batches}
   * wave ({@code batched} collects those). Returns the subscriber hashes not written for good, whose
   * tags and e-commerce customers are then not written either.
   */
  private Set<String> writeMembers(
      List<UpsertMember> members, List<SyncOperation> done, List<Write> wave, Map<String, UpsertMember> batched) {
    Set<String> refused = new HashSet<>();
    if (members.isEmpty()) {
      return refused;
    }
    Map<String, UpsertMember> byHash = new LinkedHashMap<>();
    List<MemberUpsert> newMembers = new ArrayList<>();
    List<UpsertMember> changed = new ArrayList<>();
    for (UpsertMember op : members) {
      try {
        MemberUpsert body = records.member(op.contact());
        byHash.put(op.contact().subscriberHash(), op);
        if (op.isNew()) {
          newMembers.add(body);
        } else {
          changed.add(op);
        }
      } catch (RuntimeException e) {
        refused.add(op.contact().subscriberHash());
        unwritable(QboEntity.CUSTOMER, List.of(op.contact().qboCustomerId()), e);
      }
    }
    if (!newMembers.isEmpty()) {
      subscribeNew(newMembers, byHash, done, changed, refused);
    }
    if (changed.size() > waves.directWriteLimit()) {
      for (UpsertMember op : changed) {
        batched.put(op.contact().subscriberHash(), op);
        add(wave, QboEntity.CUSTOMER, List.of(op.contact().qboCustomerId()), () -> writes.member(op));
      }
      return refused;
    }
    for (UpsertMember op : changed) {
      gate.run();
      try {
        mailchimp.members().upsert(listId, records.member(op.contact()));
        done.add(op);
      } catch (MailchimpServiceException e) {
        if (e.isRetryable()) {
          throw e;
        }
        refuse(op, RecordRejection.of(e), refused);
      } catch (MailchimpMalformedResponseException e) {
        refuse(op, new RecordRejection(Optional.empty(), "MALFORMED_RESPONSE",
            "Mailchimp's answer could not be read; the next run writes it again"), refused);
      }
    }
    return refused;
  }

  private void subscribeNew(List<MemberUpsert> newMembers, Map<String, UpsertMember> byHash,
      List<SyncOperation> done, List<UpsertMember> changed, Set<String> refused) {
    gate.run();
    BatchUpsertResult result = mailchimp.members().subscribeNew(listId, newMembers);
    Set<String> notCreated = new HashSet<>();
    for (MemberFailure failure : result.failures()) {
      String hash = hash(failure.emailAddress());
      UpsertMember op = hash == null ? null : byHash.get(hash);
      if (op == null) {
        continue;
      }
      notCreated.add(hash);
      RecordRejection rejection =
          RecordRejection.classify(400, failure.title().or(failure::errorCode).orElse("refused"), failure.message());
      refuse(op, rejection, refused);
    }
    for (MemberUpsert existing : result.existing()) {
      String hash = hash(existing.emailAddress());
      UpsertMember op = hash == null ? null : byHash.get(hash);
      if (op != null && notCreated.add(hash)) {
        changed.add(op);
      }
    }
    for (UpsertMember op : byHash.values()) {
      if (op.isNew() && !notCreated.contains(op.contact().subscriberHash())) {
        done.add(op);
      }
    }
  }

  /** The subscriber hash of an address Mailchimp named, or null when it is blank. */
  private static String hash(String email) {
    return email == null || email.isBlank() ? null : SubscriberHash.of(email);
  }

  private void refuse(UpsertMember op, RecordRejection rejection, Set<String> refused) {
    refused.add(op.contact().subscriberHash());
    String qboId = op.contact().qboCustomerId();
    if (rejection.permanent()) {
      report.skipped(
          SkippedRecord.of(QboEntity.CUSTOMER, qboId, rejection.reason().orElseThrow(), rejection.detail()));
    } else {
      report.failed(SyncFailure.of(QboEntity.CUSTOMER, qboId, rejection.code(), rejection.detail()));
    }
  }
}
