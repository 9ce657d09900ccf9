package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** The body of {@code PUT /lists/{list_id}/members/{subscriber_hash}}: adds a member with {@code status_if_new} or updates an existing one without ever touching its status (this type has no {@code status}). Absent values are omitted, so they never erase data in Mailchimp; an empty merge value is refused for the same reason. */
@Value.Immutable
@JsonSerialize(as = ImmutableMemberUpsert.class)
@JsonDeserialize(as = ImmutableMemberUpsert.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class MemberUpsert {
  MemberUpsert() {}

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

  /** {@return the status given only if the member does not exist yet} */
  @JsonProperty("status_if_new")
  public abstract MemberStatus statusIfNew();

  /** {@return the email format, {@code html} or {@code text}, if set} */
  @JsonProperty("email_type")
  public abstract Optional<String> emailType();

  /** {@return the merge values keyed by merge tag (empty when none; omitted from requests when empty)} */
  @JsonProperty("merge_fields")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, MergeValue> mergeFields();

  /** {@return the interest (group) ids to set (empty when none; omitted from requests when empty)} */
  @JsonProperty("interests")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, Boolean> interests();

  /** {@return the language, if set} */
  @JsonProperty("language")
  public abstract Optional<String> language();

  /** {@return whether the member is a VIP, if set} */
  @JsonProperty("vip")
  public abstract Optional<Boolean> vip();

  /** {@return the signup IP address, if set} */
  @JsonProperty("ip_signup")
  public abstract Optional<String> ipSignup();

  /** {@return when the member signed up, if set} */
  @JsonProperty("timestamp_signup")
  public abstract Optional<OffsetDateTime> timestampSignup();

  /** {@return the opt-in IP address, if set} */
  @JsonProperty("ip_opt")
  public abstract Optional<String> ipOpt();

  /** {@return when the member opted in, if set} */
  @JsonProperty("timestamp_opt")
  public abstract Optional<OffsetDateTime> timestampOpt();

  @Value.Check
  void check() {
    if (emailAddress().isBlank()) {
      throw new IllegalStateException("email_address must not be blank");
    }
    if (!statusIfNew().isWritable()) {
      throw new IllegalStateException("status_if_new must be a writable status, not " + statusIfNew());
    }
    mergeFields().forEach((tag, value) -> {
      if (value.isEmpty()) {
        throw new IllegalStateException("merge field " + tag + " is empty: leave it out rather than erase the value"
            + " stored in Mailchimp (clear a field deliberately with MemberPatch)");
      }
    });
  }

  /** Builder of {@link MemberUpsert}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableMemberUpsert.Builder {
    Builder() {}
  }
}
