package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** The outcome of a safe batch upsert: members created with their {@code status_if_new}, existing members updated without any status change, and per-address failures. */
@Value.Immutable
@JsonSerialize(as = ImmutableBatchUpsertResult.class)
@JsonDeserialize(as = ImmutableBatchUpsertResult.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class BatchUpsertResult {
  BatchUpsertResult() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the members created by batch subscribe (empty when none; omitted from requests when empty)} */
  @JsonProperty("created")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<Member> created();

  /** {@return the existing members updated by PUT (their status unchanged) (empty when none; omitted from requests when empty)} */
  @JsonProperty("updated")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<Member> updated();

  /** {@return the members that could not be written (empty when none; omitted from requests when empty)} */
  @JsonProperty("failures")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<MemberFailure> failures();

  /**
   * The members {@code Members.subscribeNew} left unwritten for the caller to write with {@code
   * status_if_new}: those the audience already had, and any the answer did not account for (empty
   * after {@code Members.upsertAll}, which writes them).
   *
   * @return the unwritten members, as given
   */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public abstract List<MemberUpsert> existing();

  /** {@return the number of API calls made} */
  @JsonProperty("api_calls")
  @Value.Default
  public int apiCalls() {
    return 0;
  }

  /** Builder of {@link BatchUpsertResult}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableBatchUpsertResult.Builder {
    Builder() {}
  }
}
