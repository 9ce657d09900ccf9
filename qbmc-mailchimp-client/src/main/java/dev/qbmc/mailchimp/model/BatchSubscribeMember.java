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

/** One member of a batch subscribe call ({@code POST /lists/{list_id}}). Its {@code status} applies to new members, and to existing ones only when {@code update_existing} is true. */
@Value.Immutable
@JsonSerialize(as = ImmutableBatchSubscribeMember.class)
@JsonDeserialize(as = ImmutableBatchSubscribeMember.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class BatchSubscribeMember {
  BatchSubscribeMember() {}

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

  /** {@return the status} */
  @JsonProperty("status")
  public abstract MemberStatus status();

  /** {@return the email format, if set} */
  @JsonProperty("email_type")
  public abstract Optional<String> emailType();

  /** {@return the merge values (empty when none; omitted from requests when empty)} */
  @JsonProperty("merge_fields")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, MergeValue> mergeFields();

  /** {@return the interests (empty when none; omitted from requests when empty)} */
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
    if (!status().isWritable()) {
      throw new IllegalStateException("status must be a writable status, not " + status());
    }
    mergeFields().forEach((tag, value) -> {
      if (value.isEmpty()) {
        throw new IllegalStateException("merge field " + tag + " is empty: leave it out rather than erase the value"
            + " stored in Mailchimp when update_existing is true");
      }
    });
  }

  /** Builder of {@link BatchSubscribeMember}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableBatchSubscribeMember.Builder {
    Builder() {}
  }
}
