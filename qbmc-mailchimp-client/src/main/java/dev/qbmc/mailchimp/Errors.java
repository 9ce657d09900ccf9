package dev.qbmc.mailchimp;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/** Maps an error response to the exception type, by status and title (never by the type URL). */
final class Errors {
  private Errors() {}

  static MailchimpServiceException map(int status, byte[] body, Optional<String> retryAfterHeader, Clock clock) {
    ProblemDocument p = ProblemDocument.parse(status, body);
    String title = p.title.toLowerCase(Locale.ROOT).trim();
    if (status == 429 || (status == 403 && !p.hasBody)) {
      return new MailchimpRateLimitException(p, retryAfterHeader.flatMap(h -> MailchimpRetryPolicy.parseRetryAfter(h, clock.instant())).orElse(null));
    }
    if (status == 401) {
      return new MailchimpAuthenticationException(p);
    }
    if (status == 403) {
      return new MailchimpForbiddenException(p);
    }
    if (status == 404) {
      return new MailchimpNotFoundException(p);
    }
    if (status >= 500) {
      return new MailchimpServerException(p);
    }
    if (title.equals("member exists")) {
      return new MailchimpMemberExistsException(p);
    }
    if (title.equals("forgotten email not subscribed")) {
      return new MailchimpForgottenEmailException(p);
    }
    if (title.equals("member in compliance state")) {
      return new MailchimpComplianceStateException(p);
    }
    if (p.detail.toLowerCase(Locale.ROOT).contains("looks fake or invalid")) {
      return new MailchimpFakeEmailException(p);
    }
    if (title.equals("invalid resource") || (status == 400 && !p.errors.isEmpty())) {
      return new MailchimpValidationException(p);
    }
    return new MailchimpServiceException(p);
  }

}
