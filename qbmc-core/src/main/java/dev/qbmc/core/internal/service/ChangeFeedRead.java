package dev.qbmc.core.internal.service;

import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.quickbooks.ChangeSet;
import dev.qbmc.quickbooks.EntityType;
import dev.qbmc.quickbooks.model.DeletedEntity;
import java.util.ArrayList;
import java.util.List;

/** A complete Change Data Capture result: items and customers first, then transactions and deletions. */
final class ChangeFeedRead implements ReadSource {
  private final ChangeSet changes;

  /**
   * @param changes a change set that was not cut short
   */
  ChangeFeedRead(ChangeSet changes) {
    this.changes = changes;
  }

  @Override
  public boolean feed(ChunkPipeline pipeline) {
    return new RecordLists(
            changes.changed(EntityType.ITEM),
            changes.changed(EntityType.CUSTOMER),
            changes.changed(EntityType.INVOICE),
            changes.changed(EntityType.SALES_RECEIPT),
            deletions(changes))
        .feed(pipeline);
  }

  /** The keys of the invoices and sales receipts a change set reports deleted. */
  static List<RecordKey> deletions(ChangeSet changes) {
    List<RecordKey> deletions = new ArrayList<>();
    for (DeletedEntity d : changes.deleted(EntityType.INVOICE)) {
      deletions.add(RecordKey.of(RecordKind.INVOICE, d.id()));
    }
    for (DeletedEntity d : changes.deleted(EntityType.SALES_RECEIPT)) {
      deletions.add(RecordKey.of(RecordKind.SALES_RECEIPT, d.id()));
    }
    return deletions;
  }
}
