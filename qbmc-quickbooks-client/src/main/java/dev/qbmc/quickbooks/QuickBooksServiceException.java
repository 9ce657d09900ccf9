package dev.qbmc.quickbooks;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * QBO answered with an error: carries the HTTP status, every {@link QuickBooksError} of the
 * {@code Fault}, the fault type and the {@code intuit_tid} header for support tickets. Subtypes say
 * what kind of error it was; this type itself is used for errors no subtype describes.
 */
public class QuickBooksServiceException extends QuickBooksException {
  private static final long serialVersionUID = 1L;
  /** The statusCode value (serialized form). */
  private final int statusCode;
  /** The errors value (serialized form). */
  private final List<QuickBooksError> errors;
  /** The faultType value (serialized form). */
  private final String faultType;
  /** The intuitTid value (serialized form). */
  private final String intuitTid;

  QuickBooksServiceException(
      String summary, int statusCode, List<QuickBooksError> errors, String faultType, String intuitTid) {
    super(describe(summary, statusCode, errors, intuitTid));
    this.statusCode = statusCode;
    this.errors = List.copyOf(errors);
    this.faultType = faultType;
    this.intuitTid = intuitTid;
  }

  private static String describe(
      String summary, int statusCode, List<QuickBooksError> errors, String intuitTid) {
    StringBuilder text = new StringBuilder(summary).append(" (HTTP ").append(statusCode);
    if (!errors.isEmpty()) {
      text.append("; ")
          .append(
              errors.stream()
                  .map(
                      e ->
                          "code "
                              + (e.code().isEmpty() ? "?" : e.code())
                              + e.message().map(m -> " " + m).orElse("")
                              + e.detail().map(d -> ": " + d).orElse("")
                              + e.element().filter(s -> !s.isBlank()).map(s -> " [" + s + "]").orElse(""))
                  .collect(Collectors.joining("; ")));
    }
    if (intuitTid != null) {
      text.append("; intuit_tid=").append(intuitTid);
    }
    return text.append(')').toString();
  }

  /**
   * The HTTP status code of the response.
   *
   * @return the status, for example 400
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Every error entry of the fault, in the order QBO sent them; empty when the body had none.
   *
   * @return the errors
   */
  public List<QuickBooksError> errors() {
    return errors;
  }

  /**
   * The error codes of all entries, for example {@code [6240]}.
   *
   * @return the codes
   */
  public List<String> errorCodes() {
    return errors.stream().map(QuickBooksError::code).collect(Collectors.toUnmodifiableList());
  }

  /**
   * The fault type, for example {@code ValidationFault}, {@code AUTHENTICATION}, {@code SERVICE}.
   *
   * @return the type
   */
  public Optional<String> faultType() {
    return Optional.ofNullable(faultType);
  }

  /**
   * Intuit's transaction id ({@code intuit_tid} header), to quote in support tickets.
   *
   * @return the id
   */
  public Optional<String> intuitTid() {
    return Optional.ofNullable(intuitTid);
  }
}
