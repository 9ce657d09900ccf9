package dev.qbmc.mailchimp;

import dev.qbmc.mailchimp.model.FieldError;
import java.util.List;
import java.util.Optional;

/**
 * Mailchimp answered with an error status. Subtypes are chosen from the HTTP status and the problem
 * {@code title} (never from the {@code type} URL, which Mailchimp has changed over the years). The message
 * masks email addresses; {@link #detail()} holds the detail as sent.
 */
public class MailchimpServiceException extends MailchimpException {
  private static final long serialVersionUID = 1L;

  /** The {@code statusCode} reported by this exception. */
  private final int statusCode;
  /** The {@code title} reported by this exception. */
  private final String title;
  /** The {@code detail} reported by this exception. */
  private final String detail;
  /** The {@code type} reported by this exception. */
  private final String type;
  /** The {@code instance} reported by this exception. */
  private final String instance;
  /** The {@code fieldErrors} reported by this exception. */
  private final List<FieldError> fieldErrors;

  MailchimpServiceException(ProblemDocument problem) {
    super(problem.message());
    this.statusCode = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.type = problem.type.orElse(null);
    this.instance = problem.instance.orElse(null);
    this.fieldErrors = problem.errors;
  }

  /**
   * The HTTP status.
   *
   * @return the status code
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The problem title, e.g. {@code Invalid Resource}.
   *
   * @return the title, empty when the body had none
   */
  public String title() {
    return title;
  }

  /**
   * The problem detail as Mailchimp sent it (it may contain the email address concerned).
   *
   * @return the detail, or a description of an empty or non-JSON body
   */
  public String detail() {
    return detail;
  }

  /**
   * The problem type URL (informational only).
   *
   * @return the type, if sent
   */
  public Optional<String> type() {
    return Optional.ofNullable(type);
  }

  /**
   * The problem instance id, useful when contacting Mailchimp support.
   *
   * @return the instance, if sent
   */
  public Optional<String> instance() {
    return Optional.ofNullable(instance);
  }

  /**
   * The field errors of a validation failure.
   *
   * @return the field errors, empty when none
   */
  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }
}
