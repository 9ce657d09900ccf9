package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.immutables.value.Value;

/** The status of a batch operations request ({@code GET /batches/{batch_id}}). {@code finished} with errored operations is a partial success. */
@Value.Immutable
@JsonSerialize(as = ImmutableBatchStatus.class)
@JsonDeserialize(as = ImmutableBatchStatus.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class BatchStatus {
  BatchStatus() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the batch id} */
  @JsonProperty("id")
  public abstract String id();

  /** {@return {@code pending}, {@code preprocessing}, {@code started}, {@code finalizing} or {@code finished}} */
  @JsonProperty("status")
  public abstract String status();

  /** {@return the number of operations} */
  @JsonProperty("total_operations")
  @Value.Default
  public int totalOperations() {
    return 0;
  }

  /** {@return the number finished, errored ones included} */
  @JsonProperty("finished_operations")
  @Value.Default
  public int finishedOperations() {
    return 0;
  }

  /** {@return the number that failed} */
  @JsonProperty("errored_operations")
  @Value.Default
  public int erroredOperations() {
    return 0;
  }

  /** {@return when the batch was submitted, if set} */
  @JsonProperty("submitted_at")
  public abstract Optional<OffsetDateTime> submittedAt();

  /** {@return when it completed, if set} */
  @JsonProperty("completed_at")
  public abstract Optional<OffsetDateTime> completedAt();

  /** {@return the URL of the gzipped tar of results (valid for 10 minutes), if set} */
  @JsonProperty("response_body_url")
  public abstract Optional<String> responseBodyUrl();

  /**
   * Whether Mailchimp has finished the batch (which does not mean every operation succeeded).
   *
   * @return true when the status is {@code finished}
   */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isFinished() {
    return "finished".equals(status());
  }

  /**
   * Whether the batch finished and no operation failed.
   *
   * @return true for complete success
   */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isCompleteSuccess() {
    return isFinished() && erroredOperations() == 0;
  }

  /** Builder of {@link BatchStatus}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableBatchStatus.Builder {
    Builder() {}
  }
}
