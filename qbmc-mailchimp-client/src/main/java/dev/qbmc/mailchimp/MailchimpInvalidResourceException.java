package dev.qbmc.mailchimp;

/** The request did not validate (HTTP 400 "Invalid Resource"); see {@link #fieldErrors()}. */
public class MailchimpInvalidResourceException extends MailchimpApiException {
  private static final long serialVersionUID = 1L;

  MailchimpInvalidResourceException(ProblemDocument problem) {
    super(problem);
  }
}
