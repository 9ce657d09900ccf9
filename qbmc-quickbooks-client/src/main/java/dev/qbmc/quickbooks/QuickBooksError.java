package dev.qbmc.quickbooks;

import dev.qbmc.quickbooks.internal.QboStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry of a QBO {@code Fault}: error code (a string such as {@code "6240"}), message, detail and
 * the offending element. Texts are sanitised: anything that looks like a token is replaced by
 * {@code [redacted]}.
 */
@Value.Immutable
@QboStyle
public abstract class QuickBooksError {
  QuickBooksError() {}

  /**
   * The QBO error code, for example {@code 6240}; empty string when QBO sent none.
   *
   * @return the code
   */
  public abstract String code();

  /**
   * The short message, for example {@code Duplicate Name Exists Error}.
   *
   * @return the message
   */
  public abstract Optional<String> message();

  /**
   * The longer explanation.
   *
   * @return the detail
   */
  public abstract Optional<String> detail();

  /**
   * The request element the error refers to.
   *
   * @return the element name
   */
  public abstract Optional<String> element();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link QuickBooksError} values; {@code code} is required. */
  public static final class Builder extends ImmutableQuickBooksError.Builder {
    Builder() {}
  }
}
