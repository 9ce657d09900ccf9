package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** The body of {@code PATCH /lists/{list_id}/members/{subscriber_hash}}: only the values present are changed. Setting {@code status} deliberately changes the marketing status; leave it absent otherwise. An empty text merge value deliberately clears that field. */
@Value.Immutable
@JsonSerialize(as = ImmutableMemberPatch.class)
@JsonDeserialize(as = ImmutableMemberPatch.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class MemberPatch {
  MemberPatch() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the new email address, if set} */
  @JsonProperty("email_address")
  public abstract Optional<String> emailAddress();

  /** {@return the new marketing status (an explicit preference change), if set} */
  @JsonProperty("status")
  public abstract Optional<MemberStatus> status();

  /** {@return the email format, if set} */
  @JsonProperty("email_type")
  public abstract Optional<String> emailType();

  /** {@return the merge values to change (empty when none; omitted from requests when empty)} */
  @JsonProperty("merge_fields")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, MergeValue> mergeFields();

  /** {@return the interests to change (empty when none; omitted from requests when empty)} */
  @JsonProperty("interests")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, Boolean> interests();

  /** {@return the language, if set} */
  @JsonProperty("language")
  public abstract Optional<String> language();

  /** {@return whether the member is a VIP, if set} */
  @JsonProperty("vip")
  public abstract Optional<Boolean> vip();

  @Value.Check
  void check() {
    if (status().isPresent() && !status().get().isWritable()) {
      throw new IllegalStateException("status must be a writable status, not " + status().get());
    }
  }

  /** Builder of {@link MemberPatch}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableMemberPatch.Builder {
    Builder() {}
  }
}
