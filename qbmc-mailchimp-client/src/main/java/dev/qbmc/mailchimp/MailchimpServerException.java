package dev.qbmc.mailchimp;

/** Mailchimp failed (HTTP 5xx). Retryable; idempotent calls are retried by the client. */
public final class MailchimpServerException extends MailchimpServiceException {
  private static final long serialVersionUID = 1L;

  MailchimpServerException(ProblemDocument problem) {
    super(problem);
  }

  /** {@inheritDoc} */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
