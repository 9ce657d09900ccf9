package dev.qbmc.mailchimp;

/** The address is already a member (HTTP 400 "Member Exists"); on a PUT this means the subscriber hash does not match the email address. */
public final class MailchimpMemberExistsException extends MailchimpServiceException {
  private static final long serialVersionUID = 1L;

  MailchimpMemberExistsException(ProblemDocument problem) {
    super(problem);
  }
}
