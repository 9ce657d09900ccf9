package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Member counts of an audience ({@code stats} of {@code GET /lists/{list_id}}). */
@Value.Immutable
@JsonSerialize(as = ImmutableAudienceStats.class)
@JsonDeserialize(as = ImmutableAudienceStats.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class AudienceStats {
  AudienceStats() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the number of active (subscribed) members} */
  @JsonProperty("member_count")
  @Value.Default
  public long memberCount() {
    return 0L;
  }

  /** {@return the number of unsubscribed members} */
  @JsonProperty("unsubscribe_count")
  @Value.Default
  public long unsubscribeCount() {
    return 0L;
  }

  /** {@return the number of cleaned members} */
  @JsonProperty("cleaned_count")
  @Value.Default
  public long cleanedCount() {
    return 0L;
  }

  /** {@return the approximate number of contacts in any state (only when requested with {@code include_total_contacts=true}), if set} */
  @JsonProperty("total_contacts")
  public abstract Optional<Long> totalContacts();

  /** {@return the number of merge fields, if set} */
  @JsonProperty("merge_field_count")
  public abstract Optional<Integer> mergeFieldCount();

  /** Builder of {@link AudienceStats}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableAudienceStats.Builder {
    Builder() {}
  }
}
