package dev.qbmc.mailchimp;

/** Mailchimp refuses the address as fake or invalid ("looks fake or invalid"): a permanent failure for this record. */
public final class MailchimpFakeEmailException extends MailchimpValidationException {
  private static final long serialVersionUID = 1L;

  MailchimpFakeEmailException(ProblemDocument problem) {
    super(problem);
  }
}
