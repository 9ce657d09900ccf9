package dev.qbmc.core.mapping;

/** How a customer's email field was classified. */
public enum EmailClassification {
  /** A syntactically valid address that is not role-based: the customer can be synced. */
  VALID,
  /** The email field is absent or blank. */
  MISSING,
  /** No address in the field is syntactically valid. */
  INVALID_SYNTAX,
  /** The only valid addresses are role-based ({@link RoleBasedEmails}), which Mailchimp refuses on import. */
  ROLE_BASED
}
