package dev.qbmc.mailchimp;

/** The request could not be completed: connection refused, reset or timed out, or the call was interrupted. */
public final class MailchimpTransportException extends MailchimpException {
  private static final long serialVersionUID = 1L;

  /** The {@code retryable} reported by this exception. */
  private final boolean retryable;

  MailchimpTransportException(String message, Throwable cause, boolean retryable) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** {@inheritDoc} */
  @Override
  public boolean isRetryable() {
    return retryable;
  }
}
