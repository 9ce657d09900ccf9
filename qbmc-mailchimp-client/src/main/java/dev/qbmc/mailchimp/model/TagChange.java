package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** One tag to add ({@code active}) or remove ({@code inactive}) on a member. */
@Value.Immutable
@JsonSerialize(as = ImmutableTagChange.class)
@JsonDeserialize(as = ImmutableTagChange.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class TagChange {
  TagChange() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the tag name (an unknown tag sent as active is created)} */
  @JsonProperty("name")
  public abstract String name();

  /** {@return whether the tag is added or removed} */
  @JsonProperty("status")
  public abstract TagStatus status();

  /**
   * A tag to add.
   *
   * @param name the tag name
   * @return the change
   */
  public static TagChange active(String name) {
    return builder().name(name).status(TagStatus.ACTIVE).build();
  }

  /**
   * A tag to remove.
   *
   * @param name the tag name
   * @return the change
   */
  public static TagChange inactive(String name) {
    return builder().name(name).status(TagStatus.INACTIVE).build();
  }

  @Value.Check
  void check() {
    if (name().isBlank()) {
      throw new IllegalStateException("tag name must not be blank");
    }
  }

  /** Builder of {@link TagChange}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableTagChange.Builder {
    Builder() {}
  }
}
