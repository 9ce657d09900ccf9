/**
 * QuickBooks Online webhooks: verify the {@code intuit-signature} header over the raw body, then
 * parse legacy {@code eventNotifications} or CloudEvents payloads into one {@link
 * dev.qbmc.quickbooks.webhook.WebhookEvent} type.
 */
package dev.qbmc.quickbooks.webhook;
