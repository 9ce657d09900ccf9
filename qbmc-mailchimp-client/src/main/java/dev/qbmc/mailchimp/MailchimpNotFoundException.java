package dev.qbmc.mailchimp;

/** The resource does not exist (HTTP 404); for a member, the address is not on the audience. */
public final class MailchimpNotFoundException extends MailchimpServiceException {
  private static final long serialVersionUID = 1L;

  MailchimpNotFoundException(ProblemDocument problem) {
    super(problem);
  }
}
