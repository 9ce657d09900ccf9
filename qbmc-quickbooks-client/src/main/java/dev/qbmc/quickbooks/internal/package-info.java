/** Implementation details of the QuickBooks client; not exported, not API. */
package dev.qbmc.quickbooks.internal;
