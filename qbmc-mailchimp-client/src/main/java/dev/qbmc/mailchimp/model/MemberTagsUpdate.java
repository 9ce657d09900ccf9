package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The body of {@code POST /lists/{list_id}/members/{subscriber_hash}/tags}: only the named tags change. */
@Value.Immutable
@JsonSerialize(as = ImmutableMemberTagsUpdate.class)
@JsonDeserialize(as = ImmutableMemberTagsUpdate.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class MemberTagsUpdate {
  MemberTagsUpdate() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the tag changes (at least one) (empty when none; omitted from requests when empty)} */
  @JsonProperty("tags")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<TagChange> tags();

  /** {@return whether tag-based automations are suppressed, if set} */
  @JsonProperty("is_syncing")
  public abstract Optional<Boolean> syncing();

  @Value.Check
  void check() {
    if (tags().isEmpty()) {
      throw new IllegalStateException("at least one tag change is required");
    }
  }

  /** Builder of {@link MemberTagsUpdate}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableMemberTagsUpdate.Builder {
    Builder() {}
  }
}
