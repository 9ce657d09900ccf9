package dev.qbmc.quickbooks.webhook;

import dev.qbmc.quickbooks.QuickBooksException;

/** A webhook body is neither a legacy {@code eventNotifications} object nor a CloudEvents array. */
public final class WebhookPayloadException extends QuickBooksException {
  private static final long serialVersionUID = 1L;

  WebhookPayloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
