package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A per-address failure inside a successful batch subscribe response. */
@Value.Immutable
@JsonSerialize(as = ImmutableBatchSubscribeError.class)
@JsonDeserialize(as = ImmutableBatchSubscribeError.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class BatchSubscribeError {
  BatchSubscribeError() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the address that failed, if set} */
  @JsonProperty("email_address")
  public abstract Optional<String> emailAddress();

  /** {@return the error message, if set} */
  @JsonProperty("error")
  public abstract Optional<String> error();

  /** {@return the error code, e.g. {@code ERROR_CONTACT_EXISTS} or {@code ERROR_GENERIC}, if set} */
  @JsonProperty("error_code")
  public abstract Optional<String> errorCode();

  /** {@return the field in error, if set} */
  @JsonProperty("field")
  public abstract Optional<String> field();

  /** {@return the message about the field, if set} */
  @JsonProperty("field_message")
  public abstract Optional<String> fieldMessage();

  /** Error code of an address that is already a member. */
  public static final String CONTACT_EXISTS = "ERROR_CONTACT_EXISTS";

  /**
   * Whether the address is already a member of the audience.
   *
   * @return true for {@code ERROR_CONTACT_EXISTS}
   */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isContactExists() {
    return errorCode().map(CONTACT_EXISTS::equals).orElse(false);
  }

  /** Builder of {@link BatchSubscribeError}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableBatchSubscribeError.Builder {
    Builder() {}
  }
}
