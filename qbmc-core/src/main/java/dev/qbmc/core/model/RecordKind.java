package dev.qbmc.core.model;

/** The kinds of record whose sync state qbmc keeps between runs. */
public enum RecordKind {
  /** A QBO Customer, keyed by its QBO Id. */
  CUSTOMER,
  /**
   * An audience contact, keyed by its Mailchimp subscriber hash. Several QBO customers with the same
   * email address share one contact.
   */
  CONTACT,
  /** A QBO Item, keyed by its QBO Id. */
  ITEM,
  /** A QBO Invoice, keyed by its QBO Id. */
  INVOICE,
  /** A QBO SalesReceipt, keyed by its QBO Id. */
  SALES_RECEIPT
}
