package dev.qbmc.core.model;

/** What a sync does when its plan would take the audience past the account's contact limit. */
public enum ContactLimitPolicy {
  /** Write nothing at all and report the limit. */
  STOP_BEFORE_WRITING,
  /**
   * Add new contacts up to the limit, in plan order; skip the rest with {@link
   * SkipReason#CONTACT_LIMIT}, together with their e-commerce customers and orders.
   */
  SYNC_UP_TO_LIMIT,
  /** Write everything anyway (the account may bill for the extra contacts). */
  PROCEED
}
