package dev.qbmc.mailchimp;

/** The request did not validate (HTTP 400 "Invalid Resource"); see {@link #fieldErrors()}. */
public class MailchimpValidationException extends MailchimpServiceException {
  private static final long serialVersionUID = 1L;

  MailchimpValidationException(ProblemDocument problem) {
    super(problem);
  }
}
