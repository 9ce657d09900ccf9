package dev.qbmc.core.internal.service;

import dev.qbmc.core.SyncPhase;
import dev.qbmc.quickbooks.ChangeSet;
import dev.qbmc.quickbooks.EntityType;
import dev.qbmc.quickbooks.Paging;
import dev.qbmc.quickbooks.Query;
import dev.qbmc.quickbooks.QuickBooksClient;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Change Data Capture returns at most 1,000 objects, so a larger change set may be cut short. Then
 * the changed records are queried by {@code MetaData.LastUpdatedTime} (pages proportional to the
 * changes, not to the company), and the deletions are taken from the change set.
 */
final class ChangedSinceRead implements ReadSource {
  private final QuickBooksClient qbo;
  private final OffsetDateTime since;
  private final ChangeSet changes;

  /**
   * @param qbo the company's client
   * @param since the cursor the change set was read from
   * @param changes the possibly truncated change set, for its deletions
   */
  ChangedSinceRead(QuickBooksClient qbo, OffsetDateTime since, ChangeSet changes) {
    this.qbo = qbo;
    this.since = since;
    this.changes = changes;
  }

  @Override
  public boolean feed(ChunkPipeline pipeline) {
    // A read of the changes is as small as the changes: page after page, no count needed.
    Paging paging = Paging.sequential();
    pipeline.forEachChunk(() -> qbo.query(changedSince(EntityType.ITEM).includeInactive(), paging), SyncPhase.PRODUCTS,
        pipeline::items);
    pipeline.forEachChunk(() -> qbo.query(changedSince(EntityType.CUSTOMER).includeInactive(), paging),
        SyncPhase.CUSTOMERS, pipeline::customers);
    pipeline.deferredLinks();
    pipeline.forEachChunk(() -> qbo.query(changedSince(EntityType.INVOICE), paging), SyncPhase.ORDERS,
        chunk -> pipeline.transactions(chunk, List.of(), List.of()));
    pipeline.forEachChunk(() -> qbo.query(changedSince(EntityType.SALES_RECEIPT), paging), SyncPhase.ORDERS,
        chunk -> pipeline.transactions(List.of(), chunk, List.of()));
    RecordLists.feedDeletions(pipeline, ChangeFeedRead.deletions(changes));
    return true;
  }

  private <T> Query<T> changedSince(EntityType<T> type) {
    return Query.select(type).where("MetaData.LastUpdatedTime", Query.Operator.GREATER_THAN, since).orderBy("Id");
  }
}
