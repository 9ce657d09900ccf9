package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** A finished batch operations request with one result per operation. {@code finished} with errored operations is a partial success: inspect {@link #failed()}. */
@Value.Immutable
@JsonSerialize(as = ImmutableBatchOutcome.class)
@JsonDeserialize(as = ImmutableBatchOutcome.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class BatchOutcome {
  BatchOutcome() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the status of the last batch submitted (a follow-up batch when operations were resubmitted)} */
  @JsonProperty("status")
  public abstract BatchStatus status();

  /** {@return the results read from the archive (empty when none; omitted from requests when empty)} */
  @JsonProperty("results")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<BatchResult> results();

  /**
   * The result of the operation with this id.
   *
   * @param operationId the caller's operation id
   * @return the result, empty when the archive had none for this id
   */
  public java.util.Optional<BatchResult> result(String operationId) {
    return results().stream().filter(r -> r.operationId().map(operationId::equals).orElse(false)).findFirst();
  }

  /**
   * The operations that failed.
   *
   * @return the non-2xx results
   */
  public List<BatchResult> failed() {
    return results().stream().filter(r -> !r.isSuccess()).collect(java.util.stream.Collectors.toUnmodifiableList());
  }

  /**
   * Whether some operations failed and others not, by the results (after any follow-up batches).
   *
   * @return true for a partial success
   */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isPartialSuccess() {
    long failed = results().stream().filter(r -> !r.isSuccess()).count();
    return failed > 0 && failed < results().size();
  }

  /** Builder of {@link BatchOutcome}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableBatchOutcome.Builder {
    Builder() {}
  }
}
