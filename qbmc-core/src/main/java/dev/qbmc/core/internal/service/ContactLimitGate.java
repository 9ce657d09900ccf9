package dev.qbmc.core.internal.service;

import dev.qbmc.core.mapping.QboMapper;
import dev.qbmc.core.model.ContactLimitPolicy;
import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.reconcile.ContactLimitDecision;
import dev.qbmc.core.reconcile.ContactLimits;
import dev.qbmc.core.reconcile.SyncOperation;
import dev.qbmc.core.reconcile.SyncPlan;
import dev.qbmc.core.report.SyncFailure;
import dev.qbmc.core.report.SyncReportCollector;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.spi.SyncStateStore;
import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.quickbooks.model.Customer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The connection's contact limit during one sync run: the audience's size, read once when a limit
 * is set and grown by the members the run creates; the plans it lets through ({@link
 * ContactLimits}); and the STOP_BEFORE_WRITING policy's count before a full read. Without a limit
 * it lets everything through and reads nothing.
 */
final class ContactLimitGate {
  private final Connection connection;
  private final SyncStateStore store;
  private final QboMapper mapper;
  private final SyncReportCollector report;
  private final int chunkSize;
  private long audienceSize;
  private boolean stopped;

  ContactLimitGate(Connection connection, MailchimpClient mailchimp, SyncStateStore store, QboMapper mapper,
      SyncReportCollector report, int chunkSize) {
    this.connection = connection;
    this.store = store;
    this.mapper = mapper;
    this.report = report;
    this.chunkSize = chunkSize;
    this.audienceSize = isSet()
        ? mailchimp.audiences().get(connection.audienceId()).stats().map(s -> s.memberCount()).orElse(0L)
        : 0L;
  }

  /** {@return whether the connection has a contact limit} */
  boolean isSet() {
    return connection.contactLimit().isPresent();
  }

  /** {@return whether the STOP_BEFORE_WRITING policy stopped this run} */
  boolean stopped() {
    return stopped;
  }

  /**
   * The STOP_BEFORE_WRITING policy must decide before any member is written, so with a limit set a
   * full read first counts the contacts it would add (one extra pass over the customers).
   *
   * @param customers opens every customer of the company
   * @return false when the policy stopped the run (reported)
   */
  boolean admitsFullRead(Supplier<Stream<Customer>> customers) {
    if (!isSet() || connection.contactLimitPolicy() != ContactLimitPolicy.STOP_BEFORE_WRITING) {
      return true;
    }
    Set<String> newContacts = new HashSet<>();
    try (PrefetchingChunks<Customer> chunks = new PrefetchingChunks<>(customers.get(), chunkSize)) {
      while (chunks.hasNext()) {
        countNewContacts(chunks.next(), newContacts);
      }
    }
    long limit = connection.contactLimit().orElseThrow();
    if (audienceSize + newContacts.size() > limit) {
      stop(newContacts.size(), Math.max(0, limit - audienceSize));
      return false;
    }
    return true;
  }

  /**
   * The part of a plan the limit lets through, by the connection's policy; a plan that adds no
   * contact passes whole.
   *
   * @param plan the plan
   * @return the plan to write
   */
  SyncPlan limit(SyncPlan plan) {
    if (!isSet() || plan.newContactCount() == 0) {
      return plan;
    }
    ContactLimitDecision decision =
        ContactLimits.decide(plan, audienceSize, connection.contactLimit().get(), connection.contactLimitPolicy());
    if (decision.outcome() == ContactLimitDecision.Outcome.STOPPED) {
      stop(decision.newContacts(), decision.available());
    }
    return decision.plan();
  }

  /**
   * Counts the members a chunk's confirmed writes created.
   *
   * @param written the operations Mailchimp confirmed
   */
  void written(List<SyncOperation> written) {
    if (isSet()) {
      audienceSize += written.stream().filter(op -> op instanceof SyncOperation.UpsertMember m && m.isNew()).count();
    }
  }

  /** Adds the subscriber hashes of the customers' contacts that have no stored state yet. */
  private void countNewContacts(List<Customer> customers, Set<String> newContacts) {
    List<RecordKey> keys = new ArrayList<>();
    for (Customer customer : customers) {
      ChunkPipeline.map(QboEntity.CUSTOMER, customer.id(), () -> mapper.customer(customer)).record().ifPresent(
          m -> keys.add(RecordKey.of(RecordKind.CONTACT, m.contact().subscriberHash())));
    }
    Map<RecordKey, RecordState> known = store.states(connection.connectionId(), keys);
    for (RecordKey key : keys) {
      if (!known.containsKey(key)) {
        newContacts.add(key.id());
      }
    }
  }

  private void stop(long wanted, long available) {
    stopped = true;
    report.failed(SyncFailure.general("CONTACT_LIMIT", "the sync would add " + wanted
        + " contacts but the contact limit leaves room for " + available
        + "; nothing was written (policy STOP_BEFORE_WRITING)"));
  }
}
