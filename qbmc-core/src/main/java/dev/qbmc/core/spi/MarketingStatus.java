package dev.qbmc.core.spi;

/**
 * The marketing status that contacts newly added by a connection get (sent only as Mailchimp's
 * {@code status_if_new}; qbmc never changes the status of an existing contact).
 */
public enum MarketingStatus {
  /** New contacts agreed to receive marketing email. */
  SUBSCRIBED,
  /** New contacts did not agree to receive marketing email. */
  UNSUBSCRIBED
}
