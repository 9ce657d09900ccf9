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
import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.model.SkipReason;
import dev.qbmc.core.reconcile.Reconciler;
import dev.qbmc.core.reconcile.StateChange;
import dev.qbmc.core.reconcile.SyncChunk;
import dev.qbmc.core.reconcile.SyncOperation;
import dev.qbmc.core.reconcile.SyncPlan;
import dev.qbmc.core.report.SkippedRecord;
import dev.qbmc.core.report.SyncReportCollector;
import dev.qbmc.core.spi.Checkpoint;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.spi.SyncStateStore;
import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.quickbooks.Query;
import dev.qbmc.quickbooks.model.Customer;
import dev.qbmc.quickbooks.model.Invoice;
import dev.qbmc.quickbooks.model.Item;
import dev.qbmc.quickbooks.model.SalesReceipt;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The one chunk pipeline every {@link ReadSource} feeds: each chunk of QBO records is mapped,
 * planned against the stored state, limited by the contact limit, written to Mailchimp through the
 * {@link MailchimpWriter} and the states Mailchimp confirmed are committed, fenced by the run's
 * lease. Up to {@code batchesInFlight} chunks have their writes in flight at once ({@link
 * WritesInFlight}): the next chunk is planned against the states they would commit, and their states
 * are committed in planning order. Memory depends on the chunk size and the chunks in flight, not
 * on the company's size.
 *
 * <p>Before every Mailchimp write the run's {@link RunControl} checks that the run was not asked to
 * stop, that its heartbeat kept the lease, and that the store would still accept its commit; when
 * it refuses, the pipeline stops at once with {@link SyncRun.CommitRefused}. A dry run writes
 * nothing: it plans every chunk as if Mailchimp had accepted the earlier chunks' writes.
 */
final class ChunkPipeline implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ChunkPipeline.class.getName());
  /** Items and customers: members, tags, e-commerce customers and products. */
  private static final int CONTACTS_WAVE = 1;
  /** Invoices, sales receipts and deletions: orders, which name the first wave's products and customers. */
  private static final int ORDERS_WAVE = 2;

  private final Connection connection;
  private final SyncStateStore store;
  private final RunControl control;
  private final SyncListener listener;
  private final SyncReportCollector report;
  private final boolean dryRun;
  private final int chunkSize;
  private final QboMapper mapper;
  private final MailchimpWriter writer;
  private final ContactUpkeep contacts;
  private final WritesInFlight writes;
  /** Why customers seen in this run were not synced, so that their transactions can say so. */
  private final Map<String, SkipReason> customerSkips = new HashMap<>();
  private final ContactLimitGate contactLimit;

  ChunkPipeline(
      Connection connection,
      MailchimpClient mailchimp,
      SyncStateStore store,
      RunControl control,
      Clock clock,
      SyncListener listener,
      SyncReportCollector report,
      boolean dryRun,
      SyncTuning tuning) {
    this.connection = connection;
    this.store = dryRun ? new DryRunStore(store) : store;
    this.control = control;
    this.listener = listener;
    this.report = report;
    this.dryRun = dryRun;
    this.chunkSize = tuning.chunkSize();
    this.mapper = QboMapper.of(Settings.of(connection));
    SyncStateStore states = this.store;
    this.contactLimit = new ContactLimitGate(connection, mailchimp, this.store, mapper, report, chunkSize);
    // a dry run and a contact limit plan each chunk after the last one's outcome is known
    int inFlight = dryRun || contactLimit.isSet() ? 1 : tuning.batchesInFlight();
    this.writes = new WritesInFlight(inFlight, keys -> states.states(connection.connectionId(), keys), this::commit);
    this.contacts = new ContactUpkeep(writes::states, mapper.settings(),
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), report);
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
  }

  // ---------------------------------------------------------------- what sources feed

  /** Items of one chunk. */
  void items(List<Item> items) {
    productsAndCustomers(items, List.of());
  }

  /** Customers of one chunk. */
  void customers(List<Customer> customers) {
    productsAndCustomers(List.of(), customers);
  }

  /** Items and customers of one chunk: their writes share the first Mailchimp wave. */
  void productsAndCustomers(List<Item> items, List<Customer> customers) {
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
    apply(contacts.chunk().products(products).customers(mapped).links(ContactUpkeep.links(mapper, customers)).build(),
        CONTACTS_WAVE);
  }

  /** Jobs whose parent was not known when their chunk was planned, once the customers are read and committed. */
  void deferredLinks() {
    writes.drain();
    contacts.deferredLinks().ifPresent(chunk -> apply(chunk, CONTACTS_WAVE));
  }

  /** Invoices, sales receipts and deleted transactions of one chunk: the second Mailchimp wave. */
  void transactions(List<Invoice> invoices, List<SalesReceipt> receipts, List<RecordKey> deletions) {
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
    apply(contacts.chunk().orders(orders).deletions(deletions).build(), ORDERS_WAVE);
  }

  /**
   * Waits for the writes in flight and commits them; rethrows the first write's failure. A source
   * calls it before it reads the store, a run before it ends.
   */
  void drain() {
    writes.drain();
  }

  /** Waits for the writes still in flight, commits what it may, and stops the write threads; never throws. */
  @Override
  public void close() {
    writes.close();
  }

  // ---------------------------------------------------------------- what sources ask

  /**
   * With a contact limit under the STOP_BEFORE_WRITING policy, counts the contacts a full read
   * would add before anything is written ({@link ContactLimitGate#admitsFullRead}).
   *
   * @param customers opens every customer of the company
   * @return false when the policy stopped the run (reported)
   */
  boolean admitsFullRead(Supplier<Stream<Customer>> customers) {
    return contactLimit.admitsFullRead(customers);
  }

  /**
   * The states of one kind this run plans against (a dry run's include its earlier chunks').
   *
   * @param kind the kind
   * @return the states, to be closed
   */
  Stream<RecordState> states(RecordKind kind) {
    writes.drain();
    return store.streamStates(connection.connectionId(), kind);
  }

  /**
   * The query of the open invoices whose due date passed since the last sync, if any.
   *
   * @param lastSync the cursor the incremental sync read from
   * @return the query
   */
  Optional<Query<Invoice>> dueDateCrossings(Instant lastSync) {
    return contacts.dueDateCrossings(lastSync);
  }

  /**
   * Whether the STOP_BEFORE_WRITING contact-limit policy stopped this run.
   *
   * @return true when stopped
   */
  boolean stoppedByContactLimit() {
    return contactLimit.stopped();
  }

  // ---------------------------------------------------------------- chunking and progress

  /** Cuts a list into chunks of the run's chunk size. */
  <T> void forEachChunk(List<T> all, Consumer<List<T>> action) {
    for (int from = 0; from < all.size(); from += chunkSize) {
      action.accept(all.subList(from, Math.min(all.size(), from + chunkSize)));
    }
  }

  /**
   * Reads rows chunk by chunk (the next chunk is read from QBO while this one is written),
   * reporting progress without a total.
   */
  <T> void forEachChunk(Supplier<Stream<T>> rows, SyncPhase phase, Consumer<List<T>> action) {
    long done = 0;
    progress(phase, done, -1);
    try (PrefetchingChunks<T> chunks = new PrefetchingChunks<>(rows.get(), chunkSize)) {
      while (chunks.hasNext()) {
        List<T> chunk = chunks.next();
        action.accept(chunk);
        done += chunk.size();
        progress(phase, done, done);
      }
    }
  }

  /** {@return the run's chunk size} */
  int chunkSize() {
    return chunkSize;
  }

  /** Tells the run's listener; a listener's failure is logged, never ends the run. */
  void progress(SyncPhase phase, long done, long total) {
    try {
      listener.onProgress(new SyncProgress(connection.connectionId(), phase, done, total));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "sync listener failed: {0}", e.toString());
    }
  }

  // ---------------------------------------------------------------- map, plan, limit, write, commit

  /**
   * Maps one record: a record the mapper fails on is skipped as {@link SkipReason#MALFORMED_RECORD}
   * with the failure's type, and the other records of the chunk go on.
   */
  static <T> MappingOutcome<T> map(QboEntity type, String qboId, Supplier<MappingOutcome<T>> mapping) {
    try {
      return mapping.get();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "a {0} record could not be mapped: {1}", type, e.getClass().getName());
      return MappingOutcome.skipped(type, qboId == null ? "" : qboId, SkipReason.MALFORMED_RECORD,
          "could not be mapped (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Resolves customers from their committed state, or from why this run skipped them. */
  private CustomerDirectory directory(Collection<String> customerIds) {
    List<RecordKey> keys = new ArrayList<>(customerIds.size());
    customerIds.forEach(id -> keys.add(RecordKey.of(RecordKind.CUSTOMER, id)));
    Map<RecordKey, RecordState> states = writes.states(keys);
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

  private void apply(SyncChunk chunk, int wave) {
    if (chunk.size() == 0) {
      return;
    }
    writes.enterWave(wave);
    Map<RecordKey, RecordState> stored = contacts.load(chunk);
    SyncPlan planned = Reconciler.plan(chunk, stored);
    if (writes.conflicts(planned)) {
      writes.drain(); // an earlier chunk in flight writes the same resource: plan after its commit
      stored = contacts.load(chunk);
      planned = Reconciler.plan(chunk, stored);
    }
    SyncPlan plan = contactLimit.limit(planned);
    contacts.planned(plan);
    for (SyncOperation.Skip skip : plan.skips()) {
      report.skipped(SkippedRecord.of(skip.entityType(), skip.qboId(), skip.reason(), skip.detail()));
      if (skip.entityType() == QboEntity.CUSTOMER) {
        customerSkips.put(skip.qboId(), skip.reason());
      }
    }
    ChunkCounts counts = ChunkCounts.of(chunk, plan, stored);
    if (!dryRun) {
      control.check();
    }
    writes.submit(new WritesInFlight.Chunk(
        plan,
        // a dry run's later chunks plan against its outcome, as they would after real writes
        dryRun ? () -> wouldApply(plan) : () -> control.writing(() -> writer.apply(plan)),
        applied -> ContactUpkeep.toCommit(applied.confirmed(), plan),
        applied -> written(counts, applied)));
  }

  /** Reports a chunk's writes once its states are committed. */
  private void written(ChunkCounts counts, MailchimpWriter.Applied applied) {
    counts.report(report, applied.operations());
    contactLimit.written(applied.operations());
    control.beat();
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
}
