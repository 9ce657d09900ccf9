package dev.qbmc.mailchimp;

import java.time.Duration;
import java.util.Optional;

/**
 * Mailchimp is throttling: HTTP 429 (more than 10 simultaneous connections), or a 429 or 403 without a
 * body, which Mailchimp sends under very high load. Retryable after {@link #retryAfter()} when known.
 */
public final class MailchimpRateLimitException extends MailchimpServiceException {
  private static final long serialVersionUID = 1L;

  /** The {@code retryAfter} reported by this exception. */
  private final Duration retryAfter;

  MailchimpRateLimitException(ProblemDocument problem, Duration retryAfter) {
    super(problem);
    this.retryAfter = retryAfter;
  }

  /**
   * How long Mailchimp asked to wait ({@code Retry-After}); Mailchimp does not document the header.
   *
   * @return the delay, if the response had one
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** {@inheritDoc} */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
