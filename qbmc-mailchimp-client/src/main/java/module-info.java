/**
 * Typed client for the Mailchimp Marketing API v3: audiences, members, batch subscribe, tags,
 * e-commerce, batch operations and OAuth 2.0. Knows nothing of QuickBooks or of syncing.
 */
module dev.qbmc.mailchimp {
  requires transitive java.net.http;
  requires transitive com.fasterxml.jackson.databind;
  requires static org.immutables.value;

  exports dev.qbmc.mailchimp;
  exports dev.qbmc.mailchimp.model;

  opens dev.qbmc.mailchimp.model to com.fasterxml.jackson.databind;
}
