/**
 * A loopback QuickBooks Online sandbox simulator: OAuth token endpoint with refresh-token
 * rotation, query with paging and escaping, read, change data capture, CompanyInfo and
 * Preferences, Fault bodies, throttling and webhooks, over seedable company data that can be
 * generated on demand (large companies are never held in memory).
 */
package dev.qbmc.examples.sim.quickbooks;
