package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** An audience member (contact) as read from the members endpoints or batch subscribe results. */
@Value.Immutable
@JsonSerialize(as = ImmutableMember.class)
@JsonDeserialize(as = ImmutableMember.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class Member {
  Member() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the subscriber hash (MD5 of the lower-cased email)} */
  @JsonProperty("id")
  public abstract String id();

  /** {@return the email address} */
  @JsonProperty("email_address")
  public abstract String emailAddress();

  /** {@return the unique email id (mc_eid), not the subscriber hash, if set} */
  @JsonProperty("unique_email_id")
  public abstract Optional<String> uniqueEmailId();

  /** {@return the contact id, if set} */
  @JsonProperty("contact_id")
  public abstract Optional<String> contactId();

  /** {@return the full name, if set} */
  @JsonProperty("full_name")
  public abstract Optional<String> fullName();

  /** {@return the preferred email format, {@code html} or {@code text}, if set} */
  @JsonProperty("email_type")
  public abstract Optional<String> emailType();

  /** {@return the marketing status ({@link MemberStatus#UNKNOWN} when not returned)} */
  @JsonProperty("status")
  @Value.Default
  public MemberStatus status() {
    return MemberStatus.UNKNOWN;
  }

  /** {@return the merge values keyed by merge tag (empty when none; omitted from requests when empty)} */
  @JsonProperty("merge_fields")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, MergeValue> mergeFields();

  /** {@return the interest (group) ids and whether the member is in them (empty when none; omitted from requests when empty)} */
  @JsonProperty("interests")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, Boolean> interests();

  /** {@return the language, if set} */
  @JsonProperty("language")
  public abstract Optional<String> language();

  /** {@return whether the member is a VIP, if set} */
  @JsonProperty("vip")
  public abstract Optional<Boolean> vip();

  /** {@return the list id, if set} */
  @JsonProperty("list_id")
  public abstract Optional<String> listId();

  /** {@return the (read-only) source the member was added from, if set} */
  @JsonProperty("source")
  public abstract Optional<String> source();

  /** {@return when the member was last changed, if set} */
  @JsonProperty("last_changed")
  public abstract Optional<OffsetDateTime> lastChanged();

  /** {@return the number of tags, if set} */
  @JsonProperty("tags_count")
  public abstract Optional<Integer> tagsCount();

  /** {@return up to 50 tags of the member (empty when none; omitted from requests when empty)} */
  @JsonProperty("tags")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<MemberTag> tags();

  /** Builder of {@link Member}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableMember.Builder {
    Builder() {}
  }
}
