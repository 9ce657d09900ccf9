/**
 * qbmc core: the connect, sync and disconnect services, the pure mapping and reconciliation of
 * QuickBooks Online records into Mailchimp operations, and the token and state SPIs with their
 * embedded stores.
 */
module dev.qbmc.core {
  requires transitive dev.qbmc.quickbooks;
  requires transitive dev.qbmc.mailchimp;
  requires transitive com.fasterxml.jackson.databind;
  requires transitive java.sql;
  requires static org.immutables.value;

  exports dev.qbmc.core;
  exports dev.qbmc.core.model;
  exports dev.qbmc.core.mapping;
  exports dev.qbmc.core.reconcile;
  exports dev.qbmc.core.report;
  exports dev.qbmc.core.spi;
  exports dev.qbmc.core.store;
}
