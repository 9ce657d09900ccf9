package dev.qbmc.quickbooks.webhook;

import dev.qbmc.quickbooks.QuickBooksException;

/** A webhook request's {@code intuit-signature} is missing or does not match its body. */
public final class WebhookSignatureException extends QuickBooksException {
  private static final long serialVersionUID = 1L;

  WebhookSignatureException(String message) {
    super(message);
  }
}
