package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A member that a batch upsert could not write, with Mailchimp's reason. */
@Value.Immutable
@JsonSerialize(as = ImmutableMemberFailure.class)
@JsonDeserialize(as = ImmutableMemberFailure.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class MemberFailure {
  MemberFailure() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the email address} */
  @JsonProperty("email_address")
  public abstract String emailAddress();

  /** {@return the batch error code, e.g. {@code ERROR_GENERIC}, when it came from a batch subscribe call, if set} */
  @JsonProperty("error_code")
  public abstract Optional<String> errorCode();

  /** {@return the problem title, e.g. {@code Member In Compliance State}, when it came from a single write, if set} */
  @JsonProperty("title")
  public abstract Optional<String> title();

  /** {@return the reason} */
  @JsonProperty("message")
  public abstract String message();

  /** {@return the field in error, if set} */
  @JsonProperty("field")
  public abstract Optional<String> field();

  /** Builder of {@link MemberFailure}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableMemberFailure.Builder {
    Builder() {}
  }
}
