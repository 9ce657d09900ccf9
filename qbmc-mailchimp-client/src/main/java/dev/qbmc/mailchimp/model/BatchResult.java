package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** The result of one batch operation, read from the results archive: its HTTP status and response body. */
@Value.Immutable
@JsonSerialize(as = ImmutableBatchResult.class)
@JsonDeserialize(as = ImmutableBatchResult.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class BatchResult {
  BatchResult() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the caller's operation id, if one was given, if set} */
  @JsonProperty("operation_id")
  public abstract Optional<String> operationId();

  /** {@return the HTTP status of the operation} */
  @JsonProperty("status_code")
  public abstract int statusCode();

  /** {@return the response body (a JSON document as a string; empty for 204)} */
  @JsonProperty("response")
  public abstract String body();

  /**
   * Whether the operation succeeded.
   *
   * @return true for a 2xx status
   */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isSuccess() {
    return statusCode() >= 200 && statusCode() < 300;
  }

  /** Builder of {@link BatchResult}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableBatchResult.Builder {
    Builder() {}
  }
}
