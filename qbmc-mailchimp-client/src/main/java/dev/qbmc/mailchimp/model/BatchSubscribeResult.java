package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** The response of one batch subscribe call. */
@Value.Immutable
@JsonSerialize(as = ImmutableBatchSubscribeResult.class)
@JsonDeserialize(as = ImmutableBatchSubscribeResult.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class BatchSubscribeResult {
  BatchSubscribeResult() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the members created (empty when none; omitted from requests when empty)} */
  @JsonProperty("new_members")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<Member> newMembers();

  /** {@return the members updated (empty when none; omitted from requests when empty)} */
  @JsonProperty("updated_members")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<Member> updatedMembers();

  /** {@return the per-address failures (empty when none; omitted from requests when empty)} */
  @JsonProperty("errors")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<BatchSubscribeError> errors();

  /** {@return the number created} */
  @JsonProperty("total_created")
  @Value.Default
  public int totalCreated() {
    return 0;
  }

  /** {@return the number updated} */
  @JsonProperty("total_updated")
  @Value.Default
  public int totalUpdated() {
    return 0;
  }

  /** {@return the number of failures} */
  @JsonProperty("error_count")
  @Value.Default
  public int errorCount() {
    return 0;
  }

  /** Builder of {@link BatchSubscribeResult}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableBatchSubscribeResult.Builder {
    Builder() {}
  }
}
