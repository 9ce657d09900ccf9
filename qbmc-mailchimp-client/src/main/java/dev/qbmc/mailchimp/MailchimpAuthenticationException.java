package dev.qbmc.mailchimp;

/** The API key or OAuth token is missing, invalid or revoked (HTTP 401). Mailchimp tokens never expire, so re-authorise; do not retry. */
public final class MailchimpAuthenticationException extends MailchimpServiceException {
  private static final long serialVersionUID = 1L;

  MailchimpAuthenticationException(ProblemDocument problem) {
    super(problem);
  }
}
