package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A field-level validation error from the {@code errors} array of a Mailchimp problem document. */
@Value.Immutable
@JsonSerialize(as = ImmutableFieldError.class)
@JsonDeserialize(as = ImmutableFieldError.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class FieldError {
  FieldError() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the field in error, e.g. {@code merge_fields.ADDRESS} (empty when not given)} */
  @JsonProperty("field")
  @Value.Default
  public String field() {
    return "";
  }

  /** {@return the message} */
  @JsonProperty("message")
  @Value.Default
  public String message() {
    return "";
  }

  /** Builder of {@link FieldError}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableFieldError.Builder {
    Builder() {}
  }
}
