package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** The conditions of a saved segment ({@code options}): how they combine and the conditions. */
@Value.Immutable
@JsonSerialize(as = ImmutableSegmentOptions.class)
@JsonDeserialize(as = ImmutableSegmentOptions.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class SegmentOptions {
  SegmentOptions() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return whether members must meet all or any of the conditions; all unless set} */
  @JsonProperty("match")
  @Value.Default
  public SegmentMatch match() {
    return SegmentMatch.ALL;
  }

  /** {@return the conditions} */
  @JsonProperty("conditions")
  public abstract List<SegmentCondition> conditions();

  /**
   * Conditions that must all hold.
   *
   * @param conditions the conditions
   * @return the options
   */
  public static SegmentOptions all(List<SegmentCondition> conditions) {
    return builder().match(SegmentMatch.ALL).conditions(conditions).build();
  }

  /** Builder of {@link SegmentOptions}. */
  public static final class Builder extends ImmutableSegmentOptions.Builder {
    Builder() {}
  }
}
