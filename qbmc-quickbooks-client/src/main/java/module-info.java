/**
 * Typed client for the QuickBooks Online Accounting API: queries with paging, Change Data Capture,
 * OAuth 2.0, webhook verification and parsing. Knows nothing of Mailchimp or of syncing.
 */
module dev.qbmc.quickbooks {
  requires transitive java.net.http;
  requires transitive com.fasterxml.jackson.databind;
  requires java.xml;
  requires static org.immutables.value;

  exports dev.qbmc.quickbooks;
  exports dev.qbmc.quickbooks.model;
  exports dev.qbmc.quickbooks.oauth;
  exports dev.qbmc.quickbooks.webhook;

  opens dev.qbmc.quickbooks.model to com.fasterxml.jackson.databind;
}
