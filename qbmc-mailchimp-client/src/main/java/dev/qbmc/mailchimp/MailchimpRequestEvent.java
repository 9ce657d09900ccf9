package dev.qbmc.mailchimp;

import dev.qbmc.mailchimp.internal.MailchimpStyle;
import java.time.Duration;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One HTTP attempt, reported to a {@link MailchimpRequestListener}: no credentials, no concrete paths
 * (they may contain a subscriber hash), no bodies. Same shape as {@code QuickBooksRequestEvent}; a
 * drift test keeps the two alike.
 */
@Value.Immutable
@MailchimpStyle
public abstract class MailchimpRequestEvent {
  MailchimpRequestEvent() {}

  /**
   * The HTTP method, for example {@code PUT}.
   *
   * @return the method
   */
  public abstract String method();

  /**
   * The path with placeholders instead of values, for example
   * {@code /lists/{list_id}/members/{subscriber_hash}}.
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
   * Time from asking for a connection slot to receiving the whole response (or the failure),
   * measured with the client's clock; waiting for a slot is included.
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

  /** Builds {@link MailchimpRequestEvent} values; all fields but the status are required. */
  public static final class Builder extends ImmutableMailchimpRequestEvent.Builder {
    Builder() {}
  }
}
