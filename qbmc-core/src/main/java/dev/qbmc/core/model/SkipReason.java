package dev.qbmc.core.model;

/**
 * Why a QuickBooks record was not synced. Every record that is not synced appears in the sync report
 * with one of these codes; none disappears silently.
 */
public enum SkipReason {
  /** The customer has no email address. */
  NO_EMAIL,
  /** No address in the email field is syntactically valid. */
  INVALID_EMAIL,
  /** The only usable address is role-based (admin@, postmaster@, ...), which Mailchimp refuses on import. */
  ROLE_BASED_EMAIL,
  /** Mailchimp refused the address as fake or invalid. */
  FAKE_OR_INVALID_EMAIL,
  /** The address was permanently deleted from the audience and cannot be re-imported by API. */
  FORGOTTEN_EMAIL,
  /** The member is in a compliance state (unsubscribed, bounced, under review). */
  COMPLIANCE_STATE,
  /** The account's contact limit was reached. */
  CONTACT_LIMIT,
  /** A sales receipt names no customer. */
  NO_CUSTOMER,
  /** The transaction's customer cannot be synced, so neither can the transaction. */
  CUSTOMER_NOT_SYNCED,
  /** A Category item: a hierarchy node, not a sellable product. */
  NOT_A_PRODUCT,
  /** A voided transaction that was never synced: there is no order to cancel. */
  VOIDED_BEFORE_SYNC,
  /**
   * The QBO record lacks a value every such record has (its Id), so it cannot be tracked, or it
   * holds values that cannot be turned into a Mailchimp record (the report's detail says why).
   */
  MALFORMED_RECORD,
  /** Mailchimp refused the record for another per-record reason (see the report's detail). */
  REJECTED
}
