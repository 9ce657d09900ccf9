package dev.qbmc.core.model;

/** The two services qbmc talks to; tokens are stored, and API calls counted, per provider. */
public enum Provider {
  /** Intuit QuickBooks Online (OAuth 2.0 tokens, per realm). */
  QUICKBOOKS,
  /** Mailchimp (OAuth 2.0 access token or API key, per account and data centre). */
  MAILCHIMP
}
