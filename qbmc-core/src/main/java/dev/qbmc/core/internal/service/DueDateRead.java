package dev.qbmc.core.internal.service;

import dev.qbmc.core.SyncPhase;
import dev.qbmc.quickbooks.Paging;
import dev.qbmc.quickbooks.QuickBooksClient;
import java.time.Instant;
import java.util.List;

/**
 * Invoices whose due date passed since the last sync are overdue without any change in QBO: they
 * are read (open ones due since the cursor's day) and planned like changed ones.
 */
final class DueDateRead implements ReadSource {
  private final QuickBooksClient qbo;
  private final Instant lastSync;

  /**
   * @param qbo the company's client
   * @param lastSync the cursor the incremental sync read from
   */
  DueDateRead(QuickBooksClient qbo, Instant lastSync) {
    this.qbo = qbo;
    this.lastSync = lastSync;
  }

  @Override
  public boolean feed(ChunkPipeline pipeline) {
    pipeline.dueDateCrossings(lastSync).ifPresent(query -> pipeline.forEachChunk(
        () -> qbo.query(query, Paging.sequential()), SyncPhase.ORDERS,
        chunk -> pipeline.transactions(chunk, List.of(), List.of())));
    return true;
  }
}
