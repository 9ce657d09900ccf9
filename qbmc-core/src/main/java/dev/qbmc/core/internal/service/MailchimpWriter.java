package dev.qbmc.core.internal.service;

import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
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
import dev.qbmc.mailchimp.MailchimpServiceException;
import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.mailchimp.MailchimpNotFoundException;
import dev.qbmc.mailchimp.SubscriberHash;
import dev.qbmc.mailchimp.model.BatchOperation;
import dev.qbmc.mailchimp.model.BatchResult;
import dev.qbmc.mailchimp.model.BatchStatus;
import dev.qbmc.mailchimp.model.BatchUpsertResult;
import dev.qbmc.mailchimp.model.MemberFailure;
import dev.qbmc.mailchimp.model.MemberTagsUpdate;
import dev.qbmc.mailchimp.model.MemberUpsert;
import dev.qbmc.mailchimp.model.OrderPatch;
import dev.qbmc.mailchimp.model.TagChange;
import dev.qbmc.mailchimp.model.TagStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes one {@link SyncPlan} to Mailchimp and returns the state changes Mailchimp confirmed.
 *
 * <p>Order: members first (new ones in batch-subscribe calls of up to 500 that never change an
 * existing member's status; changed ones by {@code PUT} with {@code status_if_new}), then one wave
 * with the import tags, e-commerce customers and products, then a second wave with the orders
 * (upserts, cancellations, deletions), because Mailchimp runs the operations of one {@code /batches}
 * request in no particular order and an order must name products and customers that exist. A wave
 * of up to {@code directWriteLimit} operations is written call by call; a larger one goes to
 * {@code /batches} (one submit, a few polls, one results download).
 *
 * <p>A record Mailchimp refuses for good (fake, forgotten or compliance-state email, invalid data)
 * is reported as skipped with its reason; a record whose write failed for a passing reason is
 * reported as a failure. In both cases its state is not committed, so a later run tries again.
 */
final class MailchimpWriter {
  private final MailchimpClient mailchimp;
  private final String listId;
  private final String storeId;
  private final MailchimpRecords records;
  private final Clock clock;
  private final int directWriteLimit;
  private final Duration batchTimeout;
  private final SyncReportCollector report;
  private final dev.qbmc.core.Sleeper sleeper;
  private static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(30);

  MailchimpWriter(
      MailchimpClient mailchimp,
      String listId,
      String storeId,
      MailchimpRecords records,
      Clock clock,
      int directWriteLimit,
      Duration batchTimeout,
      dev.qbmc.core.Sleeper sleeper,
      SyncReportCollector report) {
    this.mailchimp = mailchimp;
    this.listId = listId;
    this.storeId = storeId;
    this.records = records;
    this.clock = clock;
    this.directWriteLimit = directWriteLimit;
    this.batchTimeout = batchTimeout;
    this.report = report;
    this.sleeper = sleeper;
  }

  /**
   * A write of one operation: the request ({@code method}, {@code path} relative to {@code /3.0},
   * {@code body}) that {@code /batches} sends, and the same request through the client's typed call.
   */
  private record Write(
      String operationId,
      SyncOperation operation,
      List<StateChange> confirms,
      QboEntity entityType,
      List<String> qboIds,
      String method,
      String path,
      Object body,
      Runnable direct,
      boolean notFoundIsSuccess) {}

  /** The operations that Mailchimp confirmed, and the state changes to commit for them. */
  record Applied(List<SyncOperation> operations, List<StateChange> confirmed) {}

  Applied apply(SyncPlan plan) {
    List<SyncOperation> done = new ArrayList<>();
    List<StateChange> confirmed = new ArrayList<>();
    List<Write> wave1 = new ArrayList<>();
    Map<String, UpsertMember> batchedMembers = new HashMap<>();
    Set<String> refusedHashes = writeMembers(plan.operationsOf(UpsertMember.class), done, wave1, batchedMembers);

    for (TagMembers tags : plan.operationsOf(TagMembers.class)) {
      for (TaggedMember member : tags.members()) {
        if (!refusedHashes.contains(member.subscriberHash())) {
          wave1.add(tag(tags.tag(), member));
        }
      }
    }
    for (UpsertCustomer op : plan.operationsOf(UpsertCustomer.class)) {
      if (refusedHashes.contains(op.customer().id())) {
        continue;
      }
      wave1.add(customer(op));
    }
    for (UpsertProduct op : plan.operationsOf(UpsertProduct.class)) {
      wave1.add(product(op));
    }
    run(wave1, done, confirmed);
    dropTagsOfUnwrittenMembers(batchedMembers, done, confirmed);

    List<Write> wave2 = new ArrayList<>();
    for (UpsertOrder op : plan.operationsOf(UpsertOrder.class)) {
      wave2.add(order(op));
    }
    for (CancelOrder op : plan.operationsOf(CancelOrder.class)) {
      wave2.add(cancel(op));
    }
    for (DeleteOrder op : plan.operationsOf(DeleteOrder.class)) {
      wave2.add(delete(op));
    }
    run(wave2, done, confirmed);
    return new Applied(done, confirmed);
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
   * Writes the members: new ones by batch subscribe (those the audience already had join the changed
   * ones), changed ones call by call or, when there are
   * more than {@code directWriteLimit}, as {@code PUT} operations of the first {@code /batches} wave
   * ({@code batched} collects those). Returns the subscriber hashes Mailchimp refused, whose tags and
   * e-commerce customers are then not written either.
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
      byHash.put(op.contact().subscriberHash(), op);
      if (op.isNew()) {
        newMembers.add(records.member(op.contact()));
      } else {
        changed.add(op);
      }
    }
    if (!newMembers.isEmpty()) {
      BatchUpsertResult result = mailchimp.members().subscribeNew(listId, newMembers);
      Set<String> notCreated = new HashSet<>();
      for (MemberFailure failure : result.failures()) {
        String hash = SubscriberHash.of(failure.emailAddress());
        UpsertMember op = byHash.get(hash);
        if (op == null) {
          continue;
        }
        notCreated.add(hash);
        RecordRejection rejection =
            RecordRejection.classify(400, failure.title().or(failure::errorCode).orElse("refused"), failure.message());
        refuse(op, rejection, refused);
      }
      for (MemberUpsert existing : result.existing()) {
        String hash = SubscriberHash.of(existing.emailAddress());
        UpsertMember op = byHash.get(hash);
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
    if (changed.size() > directWriteLimit) {
      for (UpsertMember op : changed) {
        batched.put(op.contact().subscriberHash(), op);
        wave.add(member(op));
      }
      return refused;
    }
    for (UpsertMember op : changed) {
      try {
        mailchimp.members().upsert(listId, records.member(op.contact()));
        done.add(op);
      } catch (MailchimpServiceException e) {
        if (e.isRetryable()) {
          throw e;
        }
        refuse(op, RecordRejection.of(e), refused);
      }
    }
    return refused;
  }

  private Write member(UpsertMember op) {
    MemberUpsert body = records.member(op.contact());
    String hash = op.contact().subscriberHash();
    return new Write("m:" + hash, op, List.of(), QboEntity.CUSTOMER, List.of(op.contact().qboCustomerId()),
        "PUT", "/lists/" + listId + "/members/" + hash, body, () -> mailchimp.members().upsert(listId, body), false);
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

  private Write tag(String tag, TaggedMember member) {
    MemberTagsUpdate body =
        MemberTagsUpdate.builder()
            .addTags(TagChange.builder().name(tag).status(TagStatus.ACTIVE).build())
            .build();
    return new Write("t:" + member.subscriberHash(), null, List.of(member.confirms()), QboEntity.CUSTOMER,
        List.of(), "POST", "/lists/" + listId + "/members/" + member.subscriberHash() + "/tags", body,
        () -> mailchimp.members().updateTags(listId, member.emailAddress(), body), false);
  }

  private Write customer(UpsertCustomer op) {
    var body = MailchimpRecords.customer(op.customer());
    String id = op.customer().id();
    return new Write("c:" + id, op, op.confirms(), QboEntity.CUSTOMER, qboIds(op.confirms()),
        "PUT", store("/customers/" + id), body, () -> mailchimp.ecommerce().upsertCustomer(storeId, body), false);
  }

  private Write product(UpsertProduct op) {
    var body = MailchimpRecords.product(op.product());
    String id = op.product().id();
    return new Write("p:" + id, op, op.confirms(), QboEntity.ITEM, List.of(id),
        "PUT", store("/products/" + id), body, () -> mailchimp.ecommerce().upsertProduct(storeId, body), false);
  }

  private Write order(UpsertOrder op) {
    var body = MailchimpRecords.order(op.order());
    String id = op.order().id();
    return new Write("o:" + id, op, op.confirms(), op.order().entityType(), List.of(op.order().qboId()),
        "PUT", store("/orders/" + id), body, () -> mailchimp.ecommerce().upsertOrder(storeId, body), false);
  }

  /**
   * A voided transaction: the order is kept with its original amounts and marked cancelled, which
   * Mailchimp records as a cancellation (a PATCH of {@code financial_status} and {@code
   * cancelled_at_foreign}).
   */
  private Write cancel(CancelOrder op) {
    OrderPatch body =
        OrderPatch.builder()
            .financialStatus("cancelled")
            .cancelledAtForeign(clock.instant().atOffset(ZoneOffset.UTC))
            .build();
    String id = op.order().id();
    return new Write("x:" + id, op, op.confirms(), op.order().entityType(), List.of(op.order().qboId()),
        "PATCH", store("/orders/" + id), body, () -> mailchimp.ecommerce().patchOrder(storeId, id, body), false);
  }

  /** A deleted transaction: its order is deleted; an order already gone counts as deleted. */
  private Write delete(DeleteOrder op) {
    String id = op.orderId();
    return new Write("d:" + id, op, op.confirms(), op.entityType(), List.of(op.qboId()),
        "DELETE", store("/orders/" + id), null, () -> mailchimp.ecommerce().deleteOrder(storeId, id), true);
  }

  private String store(String subPath) {
    return "/ecommerce/stores/" + storeId + subPath;
  }

  private static List<String> qboIds(List<StateChange> confirms) {
    List<String> ids = new ArrayList<>();
    for (StateChange change : confirms) {
      RecordKey key = change.key();
      if (key.kind() == RecordKind.CUSTOMER) {
        ids.add(key.id());
      }
    }
    return ids;
  }

  private void run(List<Write> writes, List<SyncOperation> done, List<StateChange> confirmed) {
    if (writes.isEmpty()) {
      return;
    }
    if (writes.size() <= directWriteLimit) {
      for (Write write : writes) {
        try {
          write.direct().run();
          succeeded(write, done, confirmed);
        } catch (MailchimpNotFoundException e) {
          if (write.notFoundIsSuccess()) {
            succeeded(write, done, confirmed);
          } else {
            failed(write, RecordRejection.of(e));
          }
        } catch (MailchimpServiceException e) {
          if (e.statusCode() == 401 || e.statusCode() == 403) {
            throw e;
          }
          failed(write, RecordRejection.of(e));
        }
      }
      return;
    }
    List<BatchOperation> operations = new ArrayList<>(writes.size());
    Map<String, Write> byId = new HashMap<>();
    for (Write write : writes) {
      operations.add(mailchimp.batches().operation(write.method(), write.path(), write.body(), write.operationId()));
      byId.put(write.operationId(), write);
    }
    Optional<List<BatchResult>> results = runBatch(operations);
    Set<String> answered = new HashSet<>();
    for (BatchResult result : results.orElse(List.of())) {
      Write write = result.operationId().map(byId::get).orElse(null);
      if (write == null || !answered.add(write.operationId())) {
        continue;
      }
      if (result.isSuccess() || (write.notFoundIsSuccess() && result.statusCode() == 404)) {
        succeeded(write, done, confirmed);
      } else {
        failed(write, RecordRejection.ofBatchResult(result.statusCode(), result.body()));
      }
    }
    for (Write write : writes) {
      if (!answered.contains(write.operationId())) {
        failed(write, new RecordRejection(Optional.empty(), results.isPresent() ? "NO_RESULT" : "BATCH_TIMEOUT",
            results.isPresent()
                ? "the batch results held no answer for this operation"
                : "the batch did not finish within " + batchTimeout + "; the next run writes it again"));
      }
    }
  }

  /**
   * Submits a {@code /batches} request and waits for it: the first status poll comes after a time
   * that grows with the number of operations, later polls back off (doubling, at most 30 s), all on
   * the injected sleeper.
   *
   * @return the per-operation results, or empty when the batch did not finish within the timeout
   */
  private Optional<List<BatchResult>> runBatch(List<BatchOperation> operations) {
    BatchStatus status = mailchimp.batches().submit(operations);
    Instant deadline = clock.instant().plus(batchTimeout);
    Duration wait = Duration.ofMillis(100 + operations.size() / 5L);
    while (!status.isFinished()) {
      Duration left = Duration.between(clock.instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        return Optional.empty();
      }
      try {
        sleeper.sleep(wait.compareTo(left) < 0 ? wait : left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
      status = mailchimp.batches().get(status.id());
      wait = wait.multipliedBy(2).compareTo(MAX_POLL_INTERVAL) > 0 ? MAX_POLL_INTERVAL : wait.multipliedBy(2);
    }
    return Optional.of(status.totalOperations() == 0 ? List.of() : mailchimp.batches().results(status));
  }

  private static void succeeded(Write write, List<SyncOperation> done, List<StateChange> confirmed) {
    if (write.operation() != null) {
      done.add(write.operation());
    }
    confirmed.addAll(write.confirms());
  }

  private void failed(Write write, RecordRejection rejection) {
    List<String> ids = write.qboIds().isEmpty() ? List.of("") : write.qboIds();
    for (String qboId : ids) {
      if (qboId.isEmpty()) {
        report.failed(SyncFailure.general(rejection.code(), write.operationId() + ": " + rejection.detail()));
      } else if (rejection.permanent()) {
        report.skipped(
            SkippedRecord.of(write.entityType(), qboId, rejection.reason().orElseThrow(), rejection.detail()));
      } else {
        report.failed(SyncFailure.of(write.entityType(), qboId, rejection.code(), rejection.detail()));
      }
    }
  }
}
