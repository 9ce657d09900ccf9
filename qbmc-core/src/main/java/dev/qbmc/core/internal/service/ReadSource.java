package dev.qbmc.core.internal.service;

/**
 * Where a sync run's records come from: the whole company ({@link FullRead}), the change feed
 * ({@link ChangeFeedRead}), the records changed since the cursor ({@link ChangedSinceRead}), the
 * invoices that became overdue ({@link DueDateRead}) or the records webhooks named ({@link
 * WebhookRead}). A source reads its records in dependency order (items and customers, then their
 * parent links, then transactions, then deletions) and feeds them chunk by chunk to the run's one
 * {@link ChunkPipeline}.
 */
interface ReadSource {
  /**
   * Reads the records and feeds them to the pipeline.
   *
   * @param pipeline where the chunks go
   * @return whether everything the source meant to read was read (false: a contact-limit policy
   *     stopped it before writing)
   */
  boolean feed(ChunkPipeline pipeline);
}
