/**
 * Intuit OAuth 2.0 for QuickBooks Online: authorization URL, signed {@code state}, code exchange,
 * refresh (rotating refresh tokens), revoke. Tokens never appear in {@code toString} or messages.
 */
package dev.qbmc.quickbooks.oauth;
