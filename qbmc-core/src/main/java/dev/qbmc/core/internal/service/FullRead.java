package dev.qbmc.core.internal.service;

import dev.qbmc.core.SyncPhase;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.quickbooks.EntityType;
import dev.qbmc.quickbooks.Paging;
import dev.qbmc.quickbooks.Query;
import dev.qbmc.quickbooks.QuickBooksClient;
import dev.qbmc.quickbooks.model.Customer;
import dev.qbmc.quickbooks.model.Invoice;
import dev.qbmc.quickbooks.model.Item;
import dev.qbmc.quickbooks.model.SalesReceipt;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the whole company: items, customers (inactive ones too), invoices and sales receipts, read
 * ahead across the queries by {@link PhasedChunks}; the pipeline writes only differences; the
 * orders of transactions that no longer exist in QBO are deleted.
 */
final class FullRead implements ReadSource {
  /**
   * QBO pages a full read keeps in flight: the next chunk's pages overlap QBO's latency while the
   * current chunk is written; the QBO client's limiter still caps the realm's requests.
   */
  private static final int QBO_PAGES_IN_FLIGHT = 4;
  /** A full read's first wave: items and customers, which may share a chunk (and its batches). */
  private static final int PRODUCTS_AND_CUSTOMERS = 1;
  /** A full read's second wave: invoices and sales receipts, which name the first wave's records. */
  private static final int ORDERS = 2;

  private final QuickBooksClient qbo;

  /**
   * @param qbo the company's client
   */
  FullRead(QuickBooksClient qbo) {
    this.qbo = qbo;
  }

  /**
   * {@inheritDoc}
   *
   * @return false when the contact-limit policy stopped the run before writing
   */
  @Override
  public boolean feed(ChunkPipeline pipeline) {
    if (!pipeline.admitsFullRead(() -> qbo.query(Query.select(EntityType.CUSTOMER).includeInactive()))) {
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
    FullReadProgress read = new FullReadProgress(pipeline::progress);
    boolean ordersStarted = false;
    try (PhasedChunks chunks = new PhasedChunks(
        List.of(items, customers, invoiceRows, receiptRows), pipeline.chunkSize())) {
      while (chunks.hasNext()) {
        PhasedChunks.Chunk chunk = chunks.next();
        if (chunk.wave() == ORDERS && !ordersStarted) {
          ordersStarted = true;
          pipeline.deferredLinks();
        }
        if (chunk.wave() == PRODUCTS_AND_CUSTOMERS) {
          read.before(SyncPhase.PRODUCTS, chunk.rows(items).size());
          read.before(SyncPhase.CUSTOMERS, chunk.rows(customers).size());
          pipeline.productsAndCustomers(chunk.rows(items), chunk.rows(customers));
        } else {
          read.before(SyncPhase.ORDERS, chunk.size());
          chunk.rows(invoiceRows).forEach(i -> invoices.add(i.id()));
          chunk.rows(receiptRows).forEach(r -> receipts.add(r.id()));
          pipeline.transactions(chunk.rows(invoiceRows), chunk.rows(receiptRows), List.of());
        }
        read.after();
      }
    }
    if (!ordersStarted) {
      pipeline.deferredLinks();
    }
    read.end();
    pipeline.progress(SyncPhase.DELETIONS, 0, -1);
    deleteUnseen(pipeline, RecordKind.INVOICE, invoices);
    deleteUnseen(pipeline, RecordKind.SALES_RECEIPT, receipts);
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

  /** Transactions synced earlier that a full read no longer finds were deleted in QBO. */
  private static void deleteUnseen(ChunkPipeline pipeline, RecordKind kind, SeenIds seen) {
    List<RecordKey> gone = new ArrayList<>();
    try (Stream<RecordState> states = pipeline.states(kind)) {
      Iterator<RecordState> it = states.iterator();
      while (it.hasNext()) {
        RecordKey key = it.next().key();
        if (!seen.contains(key.id())) {
          gone.add(key);
        }
      }
    }
    pipeline.forEachChunk(gone, part -> pipeline.transactions(List.of(), List.of(), part));
  }
}
