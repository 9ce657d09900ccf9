package dev.qbmc.core;

/** The phases of a sync run, in the order they run. */
public enum SyncPhase {
  /** Reading changes or the whole company from QuickBooks Online. */
  READING,
  /** Writing items as e-commerce products. */
  PRODUCTS,
  /** Writing customers as audience contacts and e-commerce customers. */
  CUSTOMERS,
  /** Writing invoices and sales receipts as e-commerce orders. */
  ORDERS,
  /** Deleting or cancelling the orders of deleted and voided transactions. */
  DELETIONS,
  /** The run has finished. */
  FINISHED
}
