package dev.qbmc.core.internal.service;

import dev.qbmc.core.SyncListener;
import dev.qbmc.core.SyncPhase;
import dev.qbmc.core.SyncProgress;
import dev.qbmc.core.mapping.CustomerDirectory;
import dev.qbmc.core.mapping.CustomerResolution;
import dev.qbmc.core.mapping.MappedCustomer;
import dev.qbmc.core.mapping.MappingOutcome;
import dev.qbmc.core.mapping.OrderRecord;
import dev.qbmc.core.mapping.ProductRecord;
import dev.qbmc.core.mapping.QboMapper;
import dev.qbmc.core.model.ContactLimitPolicy;
import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.model.SkipReason;
import dev.qbmc.core.reconcile.ContactLimitDecision;
import dev.qbmc.core.reconcile.ContactLimits;
import dev.qbmc.core.reconcile.Reconciler;
import dev.qbmc.core.reconcile.StateChange;
import dev.qbmc.core.reconcile.SyncChunk;
import dev.qbmc.core.reconcile.SyncOperation;
import dev.qbmc.core.reconcile.SyncPlan;
import dev.qbmc.core.report.SkippedRecord;
import dev.qbmc.core.report.SyncFailure;
import dev.qbmc.core.report.SyncReportCollector;
import dev.qbmc.core.spi.Checkpoint;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.spi.SyncStateStore;
import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.quickbooks.ChangeSet;
import dev.qbmc.quickbooks.EntityType;
import dev.qbmc.quickbooks.Paging;
import dev.qbmc.quickbooks.Query;
import dev.qbmc.quickbooks.QuickBooksClient;
import dev.qbmc.quickbooks.model.Customer;
import dev.qbmc.quickbooks.model.DeletedEntity;
import dev.qbmc.quickbooks.model.Invoice;
import dev.qbmc.quickbooks.model.Item;
import dev.qbmc.quickbooks.model.SalesReceipt;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One sync run of one connection, holding its lease: reads QBO records (all of them, the changes
 * since the cursor, or the records a webhook named), maps and plans them chunk by chunk against the
 * stored state, writes each chunk's plan to Mailchimp and commits the state Mailchimp confirmed.
 * Memory depends on the chunk size, not on the company's size.
 *
 * <p>Every commit is fenced by the run's lease; before every Mailchimp write the run's {@link
 * RunControl} checks that the run was not asked to stop, that its heartbeat kept the lease, and that
 * the store would still accept its commit. When it refuses (the lease was taken over,
 * or the connection is no longer connected) the run stops at once with {@link CommitRefused}.
 */
final class SyncRun {
  private static final System.Logger LOG = System.getLogger(SyncRun.class.getName());
  /**
   * QBO pages a full read keeps in flight: the next chunk's pages overlap QBO's latency while the
   * current chunk is written; the QBO client's limiter still caps the realm's requests.
   */
  private static final int QBO_PAGES_IN_FLIGHT = 4;
  /** A full read's first wave: items and customers, which may share a chunk (and its batches). */
  private static final int PRODUCTS_AND_CUSTOMERS = 1;
  /** A full read's second wave: invoices and sales receipts, which name the first wave's records. */
  private static final int ORDERS = 2;

  private final Connection connection;
  private final QuickBooksClient qbo;
  private final MailchimpClient mailchimp;
  private final SyncStateStore store;
  private final RunControl control;
  private final SyncListener listener;
  private final SyncReportCollector report;
  private final boolean dryRun;
  private final SyncTuning tuning;
  private final QboMapper mapper;
  private final MailchimpWriter writer;
  private final ContactUpkeep contacts;
  /** Why customers seen in this run were not synced, so that their transactions can say so. */
  private final Map<String, SkipReason> customerSkips = new HashMap<>();
  private long audienceSize;
  private boolean stoppedByContactLimit;

  SyncRun(
      Connection connection,
      QuickBooksClient qbo,
      MailchimpClient mailchimp,
      SyncStateStore store,
      RunControl control,
      Clock clock,
      SyncListener listener,
      SyncReportCollector report,
      boolean dryRun,
      SyncTuning tuning) {
    this.connection = connection;
    this.qbo = qbo;
    this.mailchimp = mailchimp;
    this.store = dryRun ? new DryRunStore(store) : store;
    this.control = control;
    this.listener = listener;
    this.report = report;
    this.dryRun = dryRun;
    this.tuning = tuning;
    this.mapper = QboMapper.of(Settings.of(connection));
    this.contacts = new ContactUpkeep(connection.connectionId(), this.store, mapper.settings(),
        java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC), report);
    Supplier<Set<String>> mergeTags = () -> {
      Set<String> tags = new HashSet<>();
      mailchimp.audiences().mergeFields(connection.audienceId()).forEach(f -> tags.add(f.tag()));
      return tags;
    };
    this.writer =
        new MailchimpWriter(
            mailchimp,
            connection.audienceId(),
            connection.storeId(),
            new MailchimpRecords(mergeTags),
            clock,
            tuning.directWriteLimit(),
            tuning.batchTimeout(),
            report,
            control::beforeWrite);
    this.audienceSize =
        connection.contactLimit().isPresent()
            ? mailchimp.audiences().get(connection.audienceId()).stats().map(s -> s.memberCount()).orElse(0L)
            : 0L;
  }

  // ---------------------------------------------------------------- full read

  /**
   * Reads the whole company: items, customers (inactive ones too), invoices and sales receipts;
   * writes only differences; deletes the orders of transactions that no longer exist in QBO.
   *
   * @return false when the contact-limit policy stopped the run before writing
   */
  boolean full() {
    if (!contactLimitAllowsFullRead()) {
      return false;
    }
    PhasedChunks.Source<Item> items = new PhasedChunks.Source<>(PRODUCTS_AND_CUSTOMERS,
        () -> qbo.query(Query.select(EntityType.ITEM).includeInactive().orderBy("Id"), byId()));
    PhasedChunks.Source<Customer> customers = new PhasedChunks.Source<>(PRODUCTS_AND_CUSTOMERS,
        () -> qbo.query(Query.select(EntityType.CUSTOMER).includeInactive().orderBy("Id"), byId()));
    PhasedChunks.Source<Invoice> invoiceRows = new PhasedChunks.Source<>(ORDERS,
        () -> qbo.query(Query.select(EntityType.INVOICE).orderBy("Id"), byId()));
    PhasedChunks.Source<SalesReceipt> receiptRows = new PhasedChunks.Source<>(ORDERS,
        () -> qbo.query(Query.select(EntityType.SALES_RECEIPT).orderBy("Id"), byId()));
    SeenIds invoices = new SeenIds();
    SeenIds receipts = new SeenIds();
    FullReadProgress read = new FullReadProgress(this::progress);
    boolean ordersStarted = false;
    try (PhasedChunks chunks = new PhasedChunks(
        List.of(items, customers, invoiceRows, receiptRows), tuning.chunkSize())) {
      while (chunks.hasNext()) {
        PhasedChunks.Chunk chunk = chunks.next();
        if (chunk.wave() == ORDERS && !ordersStarted) {
          ordersStarted = true;
          applyDeferredLinks();
        }
        if (chunk.wave() == PRODUCTS_AND_CUSTOMERS) {
          read.before(SyncPhase.PRODUCTS, chunk.rows(items).size());
          read.before(SyncPhase.CUSTOMERS, chunk.rows(customers).size());
          applyProductsAndCustomers(chunk.rows(items), chunk.rows(customers));
        } else {
          read.before(SyncPhase.ORDERS, chunk.size());
          chunk.rows(invoiceRows).forEach(i -> invoices.add(i.id()));
          chunk.rows(receiptRows).forEach(r -> receipts.add(r.id()));
          applyTransactions(chunk.rows(invoiceRows), chunk.rows(receiptRows), List.of());
        }
        read.after();
      }
    }
    if (!ordersStarted) {
      applyDeferredLinks();
    }
    read.end();
    progress(SyncPhase.DELETIONS, 0, -1);
    deleteUnseen(RecordKind.INVOICE, invoices);
    deleteUnseen(RecordKind.SALES_RECEIPT, receipts);
    return true;
  }

  /**
   * A full read's paging: pages in Id order, {@value #QBO_PAGES_IN_FLIGHT} in flight, every row
   * that exists throughout the read exactly once (so no order is deleted as unseen because rows
   * moved across a page boundary), and a {@code COUNT(*)} only for a query of three pages or more,
   * so that no page past the end is requested and small companies pay no count.
   */
  private static Paging byId() {
    return Paging.parallel(QBO_PAGES_IN_FLIGHT).countingRows();
  }

  /**
   * Reads a query chunk by chunk (the next chunk is read from QBO while this one is written),
   * reporting progress against the count QBO gave.
   */
  private <T> void readAll(
      Query<T> query, Paging paging, SyncPhase phase, long total, long doneBefore, Consumer<List<T>> apply) {
    long done = doneBefore;
    progress(phase, done, total);
    try (PrefetchingChunks<T> chunks = new PrefetchingChunks<>(qbo.query(query, paging), tuning.chunkSize())) {
      while (chunks.hasNext()) {
        List<T> chunk = chunks.next();
        apply.accept(chunk);
        done += chunk.size();
        progress(phase, done, Math.max(total, done));
      }
    }
  }

  /** Transactions synced earlier that a full read no longer finds were deleted in QBO. */
  private void deleteUnseen(RecordKind kind, SeenIds seen) {
    List<RecordKey> gone = new ArrayList<>();
    try (Stream<RecordState> states = store.streamStates(connection.connectionId(), kind)) {
      Iterator<RecordState> it = states.iterator();
      while (it.hasNext()) {
        RecordKey key = it.next().key();
        if (!seen.contains(key.id())) {
          gone.add(key);
        }
      }
    }
    for (int from = 0; from < gone.size(); from += tuning.chunkSize()) {
      List<RecordKey> part = gone.subList(from, Math.min(gone.size(), from + tuning.chunkSize()));
      applyTransactions(List.of(), List.of(), part);
    }
  }

  /**
   * The STOP_BEFORE_WRITING policy must decide before any member is written, so with a limit set a
   * full read first counts the contacts it would add (one extra pass over the customers).
   */
  private boolean contactLimitAllowsFullRead() {
    if (connection.contactLimit().isEmpty()
        || connection.contactLimitPolicy() != ContactLimitPolicy.STOP_BEFORE_WRITING) {
      return true;
    }
    Set<String> newContacts = new HashSet<>();
    try (PrefetchingChunks<Customer> chunks = new PrefetchingChunks<>(
        qbo.query(Query.select(EntityType.CUSTOMER).includeInactive()), tuning.chunkSize())) {
      while (chunks.hasNext()) {
        countNewContacts(chunks.next(), newContacts);
      }
    }
    long limit = connection.contactLimit().orElseThrow();
    if (audienceSize + newContacts.size() > limit) {
      stopForContactLimit(newContacts.size(), Math.max(0, limit - audienceSize));
      return false;
    }
    return true;
  }

  /** Adds the subscriber hashes of the customers' contacts that have no stored state yet. */
  private void countNewContacts(List<Customer> customers, Set<String> newContacts) {
    List<RecordKey> keys = new ArrayList<>();
    for (Customer customer : customers) {
      map(QboEntity.CUSTOMER, customer.id(), () -> mapper.customer(customer)).record().ifPresent(
          m -> keys.add(RecordKey.of(RecordKind.CONTACT, m.contact().subscriberHash())));
    }
    Map<RecordKey, RecordState> known = store.states(connection.connectionId(), keys);
    for (RecordKey key : keys) {
      if (!known.containsKey(key)) {
        newContacts.add(key.id());
      }
    }
  }

  // ---------------------------------------------------------------- incremental

  /** Applies a Change Data Capture result: items and customers first, then transactions and deletions. */
  void changes(ChangeSet changes) {
    List<Item> items = changes.changed(EntityType.ITEM);
    List<Customer> customers = changes.changed(EntityType.CUSTOMER);
    List<Invoice> invoices = changes.changed(EntityType.INVOICE);
    List<SalesReceipt> receipts = changes.changed(EntityType.SALES_RECEIPT);
    List<RecordKey> deletions = deletions(changes);
    records(items, customers, invoices, receipts, deletions);
  }

  /**
   * Change Data Capture returns at most 1,000 objects, so a larger change set may be cut short. Then
   * the changed records are queried by {@code MetaData.LastUpdatedTime} (pages proportional to the
   * changes, not to the company), and the deletions are taken from the change set.
   *
   * @param since the cursor the change set was read from
   * @param changes the possibly truncated change set, for its deletions
   */
  void changedSince(OffsetDateTime since, ChangeSet changes) {
    // A read of the changes is as small as the changes: page after page, no count needed.
    Paging paging = Paging.sequential();
    readAll(changedSince(EntityType.ITEM, since).includeInactive(), paging, SyncPhase.PRODUCTS, -1, 0,
        this::applyItems);
    readAll(changedSince(EntityType.CUSTOMER, since).includeInactive(), paging, SyncPhase.CUSTOMERS, -1,
        0, this::applyCustomers);
    applyDeferredLinks();
    readAll(changedSince(EntityType.INVOICE, since), paging, SyncPhase.ORDERS, -1, 0,
        chunk -> applyTransactions(chunk, List.of(), List.of()));
    readAll(changedSince(EntityType.SALES_RECEIPT, since), paging, SyncPhase.ORDERS, -1, 0,
        chunk -> applyTransactions(List.of(), chunk, List.of()));
    List<RecordKey> deletions = deletions(changes);
    progress(SyncPhase.DELETIONS, 0, deletions.size());
    forEachChunk(deletions, chunk -> applyTransactions(List.of(), List.of(), chunk));
    progress(SyncPhase.DELETIONS, deletions.size(), deletions.size());
  }

  /** The keys of the invoices and sales receipts a change set reports deleted. */
  private static List<RecordKey> deletions(ChangeSet changes) {
    List<RecordKey> deletions = new ArrayList<>();
    for (DeletedEntity d : changes.deleted(EntityType.INVOICE)) {
      deletions.add(RecordKey.of(RecordKind.INVOICE, d.id()));
    }
    for (DeletedEntity d : changes.deleted(EntityType.SALES_RECEIPT)) {
      deletions.add(RecordKey.of(RecordKind.SALES_RECEIPT, d.id()));
    }
    return deletions;
  }

  private static <T> Query<T> changedSince(EntityType<T> type, OffsetDateTime since) {
    return Query.select(type).where("MetaData.LastUpdatedTime", Query.Operator.GREATER_THAN, since).orderBy("Id");
  }

  /** Applies the given records, in dependency order, chunk by chunk. */
  void records(
      List<Item> items,
      List<Customer> customers,
      List<Invoice> invoices,
      List<SalesReceipt> receipts,
      List<RecordKey> deletions) {
    int orders = invoices.size() + receipts.size();
    progress(SyncPhase.PRODUCTS, 0, items.size());
    forEachChunk(items, this::applyItems);
    progress(SyncPhase.PRODUCTS, items.size(), items.size());
    progress(SyncPhase.CUSTOMERS, 0, customers.size());
    forEachChunk(customers, this::applyCustomers);
    applyDeferredLinks();
    progress(SyncPhase.CUSTOMERS, customers.size(), customers.size());
    progress(SyncPhase.ORDERS, 0, orders);
    forEachChunk(invoices, chunk -> applyTransactions(chunk, List.of(), List.of()));
    forEachChunk(receipts, chunk -> applyTransactions(List.of(), chunk, List.of()));
    progress(SyncPhase.ORDERS, orders, orders);
    progress(SyncPhase.DELETIONS, 0, deletions.size());
    forEachChunk(deletions, chunk -> applyTransactions(List.of(), List.of(), chunk));
    progress(SyncPhase.DELETIONS, deletions.size(), deletions.size());
  }

  /**
   * Invoices whose due date passed since the last sync are overdue without any change in QBO: they
   * are read (open ones due since the cursor's day) and planned like changed ones.
   *
   * @param lastSync the cursor the incremental sync read from
   */
  void dueDateCrossings(java.time.Instant lastSync) {
    contacts.dueDateCrossings(lastSync).ifPresent(query ->
        readAll(query, Paging.sequential(), SyncPhase.ORDERS, -1, 0, chunk -> applyTransactions(chunk, List.of(), List.of())));
  }

  // ---------------------------------------------------------------- chunks

  private void applyItems(List<Item> items) {
    applyProductsAndCustomers(items, List.of());
  }

  /** Items and customers of one chunk: their writes share the first Mailchimp wave. */
  private void applyProductsAndCustomers(List<Item> items, List<Customer> customers) {
    List<MappingOutcome<ProductRecord>> products = new ArrayList<>(items.size());
    for (Item item : items) {
      products.add(map(QboEntity.ITEM, item.id(), () -> mapper.item(item)));
    }
    List<MappingOutcome<MappedCustomer>> mapped = new ArrayList<>(customers.size());
    for (Customer customer : customers) {
      MappingOutcome<MappedCustomer> outcome = map(QboEntity.CUSTOMER, customer.id(), () -> mapper.customer(customer));
      outcome.skipReason().ifPresent(r -> customerSkips.put(outcome.qboId(), r));
      mapped.add(outcome);
    }
    apply(contacts.chunk().products(products).customers(mapped).links(ContactUpkeep.links(mapper, customers)).build());
  }

  /**
   * Maps one record: a record the mapper fails on is skipped as {@link SkipReason#MALFORMED_RECORD}
   * with the failure's type, and the other records of the chunk go on.
   */
  private static <T> MappingOutcome<T> map(QboEntity type, String qboId, Supplier<MappingOutcome<T>> mapping) {
    try {
      return mapping.get();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "a {0} record could not be mapped: {1}", type, e.getClass().getName());
      return MappingOutcome.skipped(type, qboId == null ? "" : qboId, SkipReason.MALFORMED_RECORD,
          "could not be mapped (" + e.getClass().getSimpleName() + ")");
    }
  }

  private void applyCustomers(List<Customer> customers) {
    applyProductsAndCustomers(List.of(), customers);
  }

  /** Jobs whose parent was not known when their chunk was planned, once the customers are read. */
  private void applyDeferredLinks() {
    contacts.deferredLinks().ifPresent(this::apply);
  }

  private void applyTransactions(
      List<Invoice> invoices, List<SalesReceipt> receipts, List<RecordKey> deletions) {
    Set<String> customerIds = new HashSet<>();
    invoices.forEach(i -> i.customerRef().ifPresent(r -> customerIds.add(r.value())));
    receipts.forEach(r -> r.customerRef().ifPresent(c -> customerIds.add(c.value())));
    CustomerDirectory directory = directory(customerIds);
    List<MappingOutcome<OrderRecord>> orders = new ArrayList<>(invoices.size() + receipts.size());
    for (Invoice invoice : invoices) {
      orders.add(map(QboEntity.INVOICE, invoice.id(), () -> mapper.invoice(invoice, directory)));
    }
    for (SalesReceipt receipt : receipts) {
      orders.add(map(QboEntity.SALES_RECEIPT, receipt.id(), () -> mapper.salesReceipt(receipt, directory)));
    }
    apply(contacts.chunk().orders(orders).deletions(deletions).build());
  }

  /** Resolves customers from their committed state, or from why this run skipped them. */
  private CustomerDirectory directory(Collection<String> customerIds) {
    List<RecordKey> keys = new ArrayList<>(customerIds.size());
    customerIds.forEach(id -> keys.add(RecordKey.of(RecordKind.CUSTOMER, id)));
    Map<RecordKey, RecordState> states = store.states(connection.connectionId(), keys);
    Map<String, CustomerResolution> resolved = new HashMap<>();
    for (String id : customerIds) {
      RecordState state = states.get(RecordKey.of(RecordKind.CUSTOMER, id));
      if (state != null && state.mailchimpId().isPresent()) {
        resolved.put(id, CustomerResolution.synced(state.mailchimpId().get()));
      } else if (customerSkips.containsKey(id)) {
        resolved.put(id, CustomerResolution.notSynced(customerSkips.get(id)));
      }
    }
    return CustomerDirectory.of(resolved);
  }

  private void apply(SyncChunk chunk) {
    if (chunk.size() == 0) {
      return;
    }
    Map<RecordKey, RecordState> stored = contacts.load(chunk);
    SyncPlan plan = Reconciler.plan(chunk, stored);
    plan = limitContacts(plan);
    contacts.planned(plan);
    for (SyncOperation.Skip skip : plan.skips()) {
      report.skipped(SkippedRecord.of(skip.entityType(), skip.qboId(), skip.reason(), skip.detail()));
      if (skip.entityType() == QboEntity.CUSTOMER) {
        customerSkips.put(skip.qboId(), skip.reason());
      }
    }
    ChunkCounts counts = ChunkCounts.of(chunk, plan, stored);
    MailchimpWriter.Applied applied;
    if (dryRun) {
      applied = wouldApply(plan); // later chunks plan against it, as they would after real writes
    } else {
      control.check();
      applied = writer.apply(plan);
    }
    Checkpoint confirmed = confirmed(ContactUpkeep.toCommit(applied.confirmed(), plan));
    if (!confirmed.isEmpty()) {
      commit(confirmed);
    }
    counts.report(report, applied.operations());
    audienceSize += applied.operations().stream()
        .filter(op -> op instanceof SyncOperation.UpsertMember m && m.isNew())
        .count();
    control.beat();
  }

  private SyncPlan limitContacts(SyncPlan plan) {
    if (connection.contactLimit().isEmpty() || plan.newContactCount() == 0) {
      return plan;
    }
    ContactLimitDecision decision =
        ContactLimits.decide(plan, audienceSize, connection.contactLimit().get(), connection.contactLimitPolicy());
    if (decision.outcome() == ContactLimitDecision.Outcome.STOPPED) {
      stopForContactLimit(decision.newContacts(), decision.available());
    }
    return decision.plan();
  }

  private void stopForContactLimit(long wanted, long available) {
    stoppedByContactLimit = true;
    report.failed(
        SyncFailure.general(
            "CONTACT_LIMIT",
            "the sync would add "
                + wanted
                + " contacts but the contact limit leaves room for "
                + available
                + "; nothing was written (policy STOP_BEFORE_WRITING)"));
  }

  /**
   * Whether the STOP_BEFORE_WRITING contact-limit policy stopped this run.
   *
   * @return true when stopped
   */
  boolean stoppedByContactLimit() {
    return stoppedByContactLimit;
  }

  private static Checkpoint confirmed(List<StateChange> confirmed) {
    Checkpoint.Builder checkpoint = Checkpoint.builder();
    for (StateChange change : confirmed) {
      if (change.isRemoval()) {
        checkpoint.addRemovals(change.key());
      } else {
        checkpoint.addPuts(change.state().orElseThrow());
      }
    }
    return checkpoint.build();
  }

  /** Commits under the run's lease (a dry run: to its overlay); stops the run when the store refuses. */
  private void commit(Checkpoint checkpoint) {
    if (dryRun) {
      store.commit(control.lease(), checkpoint);
    } else {
      control.commit(checkpoint);
    }
  }

  /** A dry run's outcome of a plan: every write done and confirmed, as if Mailchimp accepted them all. */
  private static MailchimpWriter.Applied wouldApply(SyncPlan plan) {
    List<StateChange> confirmed = new ArrayList<>();
    for (SyncOperation op : plan.writes()) {
      confirmed.addAll(op.confirms());
    }
    return new MailchimpWriter.Applied(plan.writes(), confirmed);
  }

  /**
   * The run may write nothing more: the store refused a commit (its lease was taken over or
   * released, or its connection is no longer connected), its heartbeat lost the lease, or it was
   * asked to stop. Nothing of the commit was written; the run must stop.
   */
  static final class CommitRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    /**
     * @param code the failure code of the run's report, or null to tell from the connection's
     *     status ({@code CONNECTION_NOT_ACTIVE} or {@code LEASE_LOST})
     */
    CommitRefused(String code) {
      super("the run may write nothing more", null, false, false);
      this.code = code;
    }

    /** {@return the failure code, or null to tell from the connection's status} */
    String code() {
      return code;
    }
  }

  // ---------------------------------------------------------------- helpers

  private <T> void forEachChunk(List<T> all, Consumer<List<T>> action) {
    for (int from = 0; from < all.size(); from += tuning.chunkSize()) {
      action.accept(all.subList(from, Math.min(all.size(), from + tuning.chunkSize())));
    }
  }

  private void progress(SyncPhase phase, long done, long total) {
    try {
      listener.onProgress(new SyncProgress(connection.connectionId(), phase, done, total));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "sync listener failed: {0}", e.toString());
    }
  }
}
