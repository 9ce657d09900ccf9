package dev.qbmc.core.model;

/** The QuickBooks Online entity types that qbmc syncs. */
public enum QboEntity {
  /** A QBO Customer: becomes an audience contact and an e-commerce customer. */
  CUSTOMER("Customer"),
  /** A QBO Item: becomes an e-commerce product with one variant. */
  ITEM("Item"),
  /** A QBO Invoice: becomes an e-commerce order {@code invoice-<Id>}. */
  INVOICE("Invoice"),
  /** A QBO SalesReceipt: becomes an e-commerce order {@code salesreceipt-<Id>}. */
  SALES_RECEIPT("SalesReceipt");

  private final String qboName;

  QboEntity(String qboName) {
    this.qboName = qboName;
  }

  /**
   * The entity name as QuickBooks Online spells it in queries, CDC and webhooks.
   *
   * @return for example {@code SalesReceipt}
   */
  public String qboName() {
    return qboName;
  }
}
