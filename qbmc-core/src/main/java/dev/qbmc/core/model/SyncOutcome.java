package dev.qbmc.core.model;

/** How a sync run ended. */
public enum SyncOutcome {
  /** Every planned operation succeeded (skipped records do not make a run partial). */
  SUCCEEDED,
  /** Some operations failed; the rest were written and committed. */
  PARTIAL,
  /** The run failed before or while writing; nothing, or only what was committed, was written. */
  FAILED,
  /** The contact-limit policy stopped the run before anything was written. */
  STOPPED_CONTACT_LIMIT
}
