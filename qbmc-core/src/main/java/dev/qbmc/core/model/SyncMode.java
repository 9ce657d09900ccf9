package dev.qbmc.core.model;

/** What started a sync run and how much it read from QuickBooks Online. */
public enum SyncMode {
  /** Read every record (first sync, reconnect, or a cursor older than the CDC window). */
  FULL,
  /** Read what changed since the stored cursor (QBO Change Data Capture). */
  INCREMENTAL,
  /** Read the records named by a QBO webhook notification. */
  WEBHOOK
}
