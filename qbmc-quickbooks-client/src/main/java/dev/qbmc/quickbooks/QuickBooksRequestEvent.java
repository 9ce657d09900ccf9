package dev.qbmc.quickbooks;

import dev.qbmc.quickbooks.internal.QboStyle;
import java.time.Duration;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One HTTP attempt, reported to a {@link QuickBooksRequestListener}: no tokens, no query text, no
 * bodies. Same shape as {@code MailchimpRequestEvent}; a drift test keeps the two alike.
 */
@Value.Immutable
@QboStyle
public abstract class QuickBooksRequestEvent {
  QuickBooksRequestEvent() {}

  /**
   * The HTTP method, for example {@code GET}.
   *
   * @return the method
   */
  public abstract String method();

  /**
   * The path with placeholders instead of values, for example
   * {@code /v3/company/{realmId}/customer/{id}} or {@code /v3/company/{realmId}/query}.
   *
   * @return the path template
   */
  public abstract String pathTemplate();

  /**
   * The HTTP status of the response.
   *
   * @return the status, empty when no response arrived (connection failure, timeout)
   */
  public abstract OptionalInt statusCode();

  /**
   * The attempt number, 1 for the first attempt of a request.
   *
   * @return the attempt
   */
  public abstract int attempt();

  /**
   * Time from sending the request to receiving the whole response (or the failure), measured with
   * the client's clock; waiting for the rate limit is not included.
   *
   * @return the duration
   */
  public abstract Duration duration();

  /**
   * Whether the client will repeat the request after this attempt.
   *
   * @return true when another attempt follows
   */
  public abstract boolean willRetry();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link QuickBooksRequestEvent} values; all fields but the status are required. */
  public static final class Builder extends ImmutableQuickBooksRequestEvent.Builder {
    Builder() {}
  }
}
