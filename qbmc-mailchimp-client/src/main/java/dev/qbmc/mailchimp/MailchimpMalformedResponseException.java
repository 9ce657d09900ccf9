package dev.qbmc.mailchimp;

/** A successful response could not be read (unexpected JSON shape, corrupt batch results archive). */
public final class MailchimpMalformedResponseException extends MailchimpException {
  private static final long serialVersionUID = 1L;

  MailchimpMalformedResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
