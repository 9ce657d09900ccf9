package dev.qbmc.core.internal.service;

import dev.qbmc.core.SyncPhase;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.quickbooks.model.Customer;
import dev.qbmc.quickbooks.model.Invoice;
import dev.qbmc.quickbooks.model.Item;
import dev.qbmc.quickbooks.model.SalesReceipt;
import java.util.List;

/**
 * Records already in memory (a change set's, a webhook's), fed in dependency order, chunk by chunk.
 *
 * @param items the items
 * @param customers the customers
 * @param invoices the invoices
 * @param receipts the sales receipts
 * @param deletions the keys of deleted invoices and sales receipts
 */
record RecordLists(
    List<Item> items,
    List<Customer> customers,
    List<Invoice> invoices,
    List<SalesReceipt> receipts,
    List<RecordKey> deletions) implements ReadSource {

  @Override
  public boolean feed(ChunkPipeline pipeline) {
    int orders = invoices.size() + receipts.size();
    pipeline.progress(SyncPhase.PRODUCTS, 0, items.size());
    pipeline.forEachChunk(items, pipeline::items);
    pipeline.progress(SyncPhase.PRODUCTS, items.size(), items.size());
    pipeline.progress(SyncPhase.CUSTOMERS, 0, customers.size());
    pipeline.forEachChunk(customers, pipeline::customers);
    pipeline.deferredLinks();
    pipeline.progress(SyncPhase.CUSTOMERS, customers.size(), customers.size());
    pipeline.progress(SyncPhase.ORDERS, 0, orders);
    pipeline.forEachChunk(invoices, chunk -> pipeline.transactions(chunk, List.of(), List.of()));
    pipeline.forEachChunk(receipts, chunk -> pipeline.transactions(List.of(), chunk, List.of()));
    pipeline.progress(SyncPhase.ORDERS, orders, orders);
    feedDeletions(pipeline, deletions);
    return true;
  }

  /** Feeds deleted transactions, announcing the deletions phase before and after. */
  static void feedDeletions(ChunkPipeline pipeline, List<RecordKey> deletions) {
    pipeline.progress(SyncPhase.DELETIONS, 0, deletions.size());
    pipeline.forEachChunk(deletions, chunk -> pipeline.transactions(List.of(), List.of(), chunk));
    pipeline.progress(SyncPhase.DELETIONS, deletions.size(), deletions.size());
  }
}
