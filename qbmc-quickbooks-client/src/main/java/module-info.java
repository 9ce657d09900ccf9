/**
 * Typed client for the QuickBooks Online Accounting API: queries with paging, Change Data Capture,
 * OAuth 2.0, webhook verification and parsing. Knows nothing of Mailchimp or of syncing.
 */
module dev.qbmc.quickbooks {
  requires transitive java.net.http;
  requires transitive com.fasterxml.jackson.databind;
  requires static org.immutables.value;

  exports dev.qbmc.quickbooks;
  exports dev.qbmc.quickbooks.model;

  opens dev.qbmc.quickbooks.model to com.fasterxml.jackson.databind;
  opens dev.qbmc.quickbooks.internal to com.fasterxml.jackson.databind;
}
