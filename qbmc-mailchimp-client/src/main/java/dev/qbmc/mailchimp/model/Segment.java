package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.immutables.value.Value;

/** A segment or tag of an audience ({@code GET /lists/{list_id}/segments}); a tag is a {@code static} segment. */
@Value.Immutable
@JsonSerialize(as = ImmutableSegment.class)
@JsonDeserialize(as = ImmutableSegment.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class Segment {
  Segment() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the segment id (the tag id for tags)} */
  @JsonProperty("id")
  public abstract long id();

  /** {@return the segment or tag name} */
  @JsonProperty("name")
  public abstract String name();

  /** {@return the number of members} */
  @JsonProperty("member_count")
  @Value.Default
  public long memberCount() {
    return 0L;
  }

  /** {@return {@code static} (tags), {@code saved} or {@code fuzzy}, if set} */
  @JsonProperty("type")
  public abstract Optional<String> type();

  /** {@return the conditions of a saved segment, if it has some} */
  @JsonProperty("options")
  public abstract Optional<SegmentOptions> options();

  /** {@return the list id, if set} */
  @JsonProperty("list_id")
  public abstract Optional<String> listId();

  /** {@return when it was created, if set} */
  @JsonProperty("created_at")
  public abstract Optional<OffsetDateTime> createdAt();

  /** {@return when it was last updated, if set} */
  @JsonProperty("updated_at")
  public abstract Optional<OffsetDateTime> updatedAt();

  /** Builder of {@link Segment}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableSegment.Builder {
    Builder() {}
  }
}
