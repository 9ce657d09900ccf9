package dev.qbmc.core.spi;

/** What a sync does when the contacts it would add exceed the connection's contact limit. */
public enum ContactLimitPolicy {
  /** Write nothing and finish the run with outcome {@code STOPPED_CONTACT_LIMIT}. */
  STOP_BEFORE_WRITING,
  /** Add contacts up to the limit; skip the rest with reason {@code CONTACT_LIMIT}. */
  SYNC_UP_TO_LIMIT,
  /** Ignore the limit and add every contact (the Mailchimp account may bill for the overage). */
  PROCEED
}
