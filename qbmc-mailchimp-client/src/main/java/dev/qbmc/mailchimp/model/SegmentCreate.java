package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body that creates ({@code POST /lists/{list_id}/segments}) or updates ({@code PATCH
 * .../segments/{segment_id}}) a segment: a name and either conditions (a saved segment) or a list of
 * addresses (a static segment, which is what a tag is).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSegmentCreate.class)
@JsonDeserialize(as = ImmutableSegmentCreate.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class SegmentCreate {
  SegmentCreate() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the segment's name} */
  @JsonProperty("name")
  public abstract String name();

  /** {@return the addresses of a static segment (an empty list makes an empty one), if it is one} */
  @JsonProperty("static_segment")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<List<String>> staticSegment();

  /** {@return the conditions of a saved segment, if it is one} */
  @JsonProperty("options")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<SegmentOptions> options();

  /**
   * A saved segment.
   *
   * @param name the name
   * @param options its conditions
   * @return the body
   */
  public static SegmentCreate saved(String name, SegmentOptions options) {
    return builder().name(name).options(options).build();
  }

  /**
   * An empty static segment: a tag no member carries yet.
   *
   * @param name the tag's name
   * @return the body
   */
  public static SegmentCreate emptyTag(String name) {
    return builder().name(name).staticSegment(List.of()).build();
  }

  @Value.Check
  void check() {
    if (name().isBlank()) {
      throw new IllegalStateException("a segment needs a name");
    }
    if (staticSegment().isPresent() && options().isPresent()) {
      throw new IllegalStateException("a segment has either conditions or a static list of addresses, not both");
    }
  }

  /** Builder of {@link SegmentCreate}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableSegmentCreate.Builder {
    Builder() {}
  }
}
