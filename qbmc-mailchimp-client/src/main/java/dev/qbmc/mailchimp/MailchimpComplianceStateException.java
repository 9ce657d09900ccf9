package dev.qbmc.mailchimp;

/** The member is in a compliance state (unsubscribed, bounced or under review) and cannot be subscribed ("Member In Compliance State"). */
public final class MailchimpComplianceStateException extends MailchimpServiceException {
  private static final long serialVersionUID = 1L;

  MailchimpComplianceStateException(ProblemDocument problem) {
    super(problem);
  }
}
