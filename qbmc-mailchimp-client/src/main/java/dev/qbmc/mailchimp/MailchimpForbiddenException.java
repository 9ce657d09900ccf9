package dev.qbmc.mailchimp;

/** The credential's user may not do this, or the user is disabled (HTTP 403 with a problem body). */
public final class MailchimpForbiddenException extends MailchimpServiceException {
  private static final long serialVersionUID = 1L;

  MailchimpForbiddenException(ProblemDocument problem) {
    super(problem);
  }
}
