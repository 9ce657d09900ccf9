package dev.qbmc.mailchimp;

import dev.qbmc.mailchimp.internal.MailchimpStyle;
import java.time.Duration;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** One HTTP attempt, as reported to a {@link RequestListener}. Holds no secret and no body. */
@Value.Immutable
@MailchimpStyle
public abstract class RequestEvent {
  RequestEvent() {}

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the HTTP method */
  public abstract String method();

  /** @return the path template, e.g. {@code /lists/{list_id}/members/{subscriber_hash}} */
  public abstract String pathTemplate();

  /** @return the HTTP status, empty when no response arrived */
  public abstract OptionalInt statusCode();

  /** @return the attempt number, starting at 1 */
  public abstract int attempt();

  /** @return how long the attempt took, waiting for a connection slot included */
  public abstract Duration duration();

  /** @return whether the client will retry after this attempt */
  public abstract boolean willRetry();

  /** Builder of {@link RequestEvent}. */
  public static final class Builder extends ImmutableRequestEvent.Builder {
    Builder() {}
  }
}
