package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A tag as read on a member. */
@Value.Immutable
@JsonSerialize(as = ImmutableMemberTag.class)
@JsonDeserialize(as = ImmutableMemberTag.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class MemberTag {
  MemberTag() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the tag id} */
  @JsonProperty("id")
  @Value.Default
  public long id() {
    return 0L;
  }

  /** {@return the tag name} */
  @JsonProperty("name")
  public abstract String name();

  /** Builder of {@link MemberTag}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableMemberTag.Builder {
    Builder() {}
  }
}
