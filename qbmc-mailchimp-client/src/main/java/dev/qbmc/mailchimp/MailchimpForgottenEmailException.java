package dev.qbmc.mailchimp;

/** The address was permanently deleted and cannot be re-imported ("Forgotten Email Not Subscribed"); only the person's own signup can bring it back. */
public final class MailchimpForgottenEmailException extends MailchimpServiceException {
  private static final long serialVersionUID = 1L;

  MailchimpForgottenEmailException(ProblemDocument problem) {
    super(problem);
  }
}
