package dev.qbmc.core.mapping;

/**
 * Something the mapping left out or chose while still syncing the record (unlike a skip reason,
 * which stops the record).
 */
public enum MappingNote {
  /**
   * The customer's address lacks the street, city, state or postal code Mailchimp requires: the
   * contact is synced without an address (Mailchimp would refuse the whole write otherwise).
   */
  INCOMPLETE_ADDRESS,
  /** The email field held several addresses; the first valid, non-role-based one was used. */
  FIRST_OF_SEVERAL_EMAILS,
  /** A text value was longer than Mailchimp's 255-byte merge field limit and was shortened. */
  TRUNCATED_VALUE
}
