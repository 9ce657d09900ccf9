package dev.qbmc.core.internal.service;

import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.quickbooks.EntityType;
import dev.qbmc.quickbooks.QuickBooksClient;
import dev.qbmc.quickbooks.model.Customer;
import dev.qbmc.quickbooks.model.Invoice;
import dev.qbmc.quickbooks.model.Item;
import dev.qbmc.quickbooks.model.SalesReceipt;
import dev.qbmc.quickbooks.webhook.WebhookEvent;
import dev.qbmc.quickbooks.webhook.WebhookOperation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The records webhook events named, each read by id (once per record); a deleted transaction, or
 * one QBO no longer finds, is deleted. No cursor change: Change Data Capture stays the source of
 * truth, webhooks only make changes arrive sooner.
 */
final class WebhookRead implements ReadSource {
  private final QuickBooksClient qbo;
  private final List<WebhookEvent> events;

  /**
   * @param qbo the company's client
   * @param events the events of the connection's realm
   */
  WebhookRead(QuickBooksClient qbo, List<WebhookEvent> events) {
    this.qbo = qbo;
    this.events = List.copyOf(events);
  }

  @Override
  public boolean feed(ChunkPipeline pipeline) {
    Map<String, Item> items = new LinkedHashMap<>();
    Map<String, Customer> customers = new LinkedHashMap<>();
    Map<String, Invoice> invoices = new LinkedHashMap<>();
    Map<String, SalesReceipt> receipts = new LinkedHashMap<>();
    List<RecordKey> deletions = new ArrayList<>();
    for (WebhookEvent event : events) {
      Optional<EntityType<?>> type = event.entityType();
      if (type.isEmpty()) {
        continue;
      }
      boolean deleted = event.operation() == WebhookOperation.DELETE;
      if (type.get() == EntityType.ITEM && !deleted) {
        qbo.find(EntityType.ITEM, event.entityId()).ifPresent(i -> items.put(i.id(), i));
      } else if (type.get() == EntityType.CUSTOMER && !deleted) {
        qbo.find(EntityType.CUSTOMER, event.entityId()).ifPresent(c -> customers.put(c.id(), c));
      } else if (type.get() == EntityType.INVOICE) {
        Optional<Invoice> invoice = deleted ? Optional.empty() : qbo.find(EntityType.INVOICE, event.entityId());
        invoice.ifPresentOrElse(
            i -> invoices.put(i.id(), i), () -> deletions.add(RecordKey.of(RecordKind.INVOICE, event.entityId())));
      } else if (type.get() == EntityType.SALES_RECEIPT) {
        Optional<SalesReceipt> receipt =
            deleted ? Optional.empty() : qbo.find(EntityType.SALES_RECEIPT, event.entityId());
        receipt.ifPresentOrElse(
            r -> receipts.put(r.id(), r),
            () -> deletions.add(RecordKey.of(RecordKind.SALES_RECEIPT, event.entityId())));
      }
    }
    return new RecordLists(
            new ArrayList<>(items.values()),
            new ArrayList<>(customers.values()),
            new ArrayList<>(invoices.values()),
            new ArrayList<>(receipts.values()),
            deletions)
        .feed(pipeline);
  }
}
