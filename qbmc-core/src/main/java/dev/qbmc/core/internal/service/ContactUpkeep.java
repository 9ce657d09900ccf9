package dev.qbmc.core.internal.service;

import dev.qbmc.core.mapping.ParentLink;
import dev.qbmc.core.mapping.QboMapper;
import dev.qbmc.core.mapping.SyncSettings;
import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.reconcile.Reconciler;
import dev.qbmc.core.reconcile.StateChange;
import dev.qbmc.core.reconcile.SyncChunk;
import dev.qbmc.core.reconcile.SyncOperation;
import dev.qbmc.core.reconcile.SyncPlan;
import dev.qbmc.core.report.SyncNote;
import dev.qbmc.core.report.SyncReportCollector;
import dev.qbmc.quickbooks.EntityType;
import dev.qbmc.quickbooks.Query;
import dev.qbmc.quickbooks.model.Customer;
import dev.qbmc.quickbooks.model.Invoice;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What one sync run does for contacts that read like people and for their fact tags, kept out of
 * {@link ChunkPipeline}'s reading and writing: chunks carry the connection's import and fact tags and the
 * run's day; the states a chunk's states point to are loaded with them ({@link
 * Reconciler#followUpKeys}); jobs whose parent was not known yet are planned again once the
 * customers are read; the state a plan keeps without a Mailchimp write is committed with the
 * chunk's confirmed writes; jobs attached to their parent are noted in the report; and incremental
 * syncs read the invoices whose due date passed since the last sync, which become overdue without
 * any change in QuickBooks.
 */
final class ContactUpkeep {
  private final Function<Collection<RecordKey>, Map<RecordKey, RecordState>> states;
  private final SyncSettings settings;
  private final LocalDate today;
  private final SyncReportCollector report;
  private final List<ParentLink> deferred = new ArrayList<>();

  /**
   * @param states reads the states a chunk plans against
   * @param today the run's day (the services' clock as a UTC date), for overdue invoices
   */
  ContactUpkeep(Function<Collection<RecordKey>, Map<RecordKey, RecordState>> states, SyncSettings settings,
      LocalDate today, SyncReportCollector report) {
    this.states = states;
    this.settings = settings;
    this.today = today;
    this.report = report;
  }

  /** A chunk builder with the connection's import and fact tags, and the run's day when overdue is kept. */
  SyncChunk.Builder chunk() {
    SyncChunk.Builder chunk = SyncChunk.builder()
        .importTag(settings.tag())
        .openBalanceTag(settings.factTags().openBalance())
        .overdueTag(settings.factTags().overdue());
    if (settings.factTags().overdue().isPresent()) {
      chunk.today(today);
    }
    return chunk;
  }

  /**
   * The links of the customers whose orders go to their parent; a customer the mapper fails on has
   * none (its mapping reports it as malformed).
   */
  static List<ParentLink> links(QboMapper mapper, List<Customer> customers) {
    List<ParentLink> links = new ArrayList<>();
    for (Customer customer : customers) {
      try {
        mapper.parentLink(customer).ifPresent(links::add);
      } catch (RuntimeException e) {
        // the customer's own mapping reports it (MALFORMED_RECORD); without a link its orders are its own
      }
    }
    return links;
  }

  /** The stored states a chunk's plan needs: its own keys, then the ones those states point to. */
  Map<RecordKey, RecordState> load(SyncChunk chunk) {
    Map<RecordKey, RecordState> stored = new HashMap<>(states.apply(chunk.stateKeys()));
    Set<RecordKey> more = Reconciler.followUpKeys(chunk, stored);
    if (!more.isEmpty()) {
      stored.putAll(states.apply(more));
    }
    return stored;
  }

  /** Takes the plan's deferred links and notes (and counts, as unchanged) the jobs it attached. */
  void planned(SyncPlan plan) {
    deferred.addAll(plan.deferredLinks());
    for (SyncOperation.AttachToParent attach : plan.operationsOf(SyncOperation.AttachToParent.class)) {
      ParentLink link = attach.link();
      report.noted(SyncNote.of(QboEntity.CUSTOMER, link.qboId(), SyncNote.ATTACHED_TO_PARENT, link.detail()));
      if (!link.billWithParent()) { // a job with a contact of its own is counted with it
        report.unchanged(QboEntity.CUSTOMER, 1);
      }
    }
  }

  /** The chunk's confirmed writes and the state its plan keeps without a write, to commit together. */
  static List<StateChange> toCommit(List<StateChange> confirmed, SyncPlan plan) {
    List<StateChange> all = new ArrayList<>(confirmed);
    all.addAll(plan.stateOnlyChanges());
    return all;
  }

  /**
   * The links whose parent was not known when their chunk was planned, as a last chunk (a link
   * still unresolved is then skipped).
   */
  Optional<SyncChunk> deferredLinks() {
    if (deferred.isEmpty()) {
      return Optional.empty();
    }
    SyncChunk chunk = chunk().links(deferred).deferUnresolvedLinks(false).build();
    deferred.clear();
    return Optional.of(chunk);
  }

  /**
   * The invoices that became overdue since the last sync without changing in QuickBooks: still
   * open, due on or after the last sync's day and before today. Empty when the connection keeps no
   * overdue tag or the last sync was today.
   *
   * @param lastSync when the last sync read QuickBooks (its change cursor)
   */
  Optional<Query<Invoice>> dueDateCrossings(Instant lastSync) {
    LocalDate from = LocalDate.ofInstant(lastSync, ZoneOffset.UTC);
    if (settings.factTags().overdue().isEmpty() || !from.isBefore(today)) {
      return Optional.empty();
    }
    return Optional.of(Query.select(EntityType.INVOICE)
        .where("Balance", Query.Operator.GREATER_THAN, BigDecimal.ZERO)
        .where("DueDate", Query.Operator.GREATER_THAN_OR_EQUAL, from)
        .where("DueDate", Query.Operator.LESS_THAN, today)
        .orderBy("Id"));
  }
}
