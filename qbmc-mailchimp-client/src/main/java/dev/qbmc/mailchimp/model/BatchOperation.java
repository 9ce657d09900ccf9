package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** One operation of a {@code POST /batches} request. The {@code body} is a JSON document held as a string, as Mailchimp requires. */
@Value.Immutable
@JsonSerialize(as = ImmutableBatchOperation.class)
@JsonDeserialize(as = ImmutableBatchOperation.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class BatchOperation {
  BatchOperation() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the HTTP method: GET, POST, PUT, PATCH or DELETE} */
  @JsonProperty("method")
  public abstract String method();

  /** {@return the path relative to {@code /3.0}, e.g. {@code /lists/abc/members/<hash>}} */
  @JsonProperty("path")
  public abstract String path();

  /** {@return the query parameters (GET only) (empty when none; omitted from requests when empty)} */
  @JsonProperty("params")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> params();

  /** {@return the JSON request body as a string, if set} */
  @JsonProperty("body")
  public abstract Optional<String> body();

  /** {@return the caller's id used to match the result, if set} */
  @JsonProperty("operation_id")
  public abstract Optional<String> operationId();

  /**
   * Whether running the operation twice has the same effect as once, so that the client may
   * resubmit it after a server error or a missing result (a throttled operation is resubmitted
   * either way). Not sent to Mailchimp.
   *
   * @return true by default for every method but POST
   */
  @JsonIgnore
  @Value.Default
  public boolean repeatable() {
    return !"POST".equals(method());
  }

  @Value.Check
  void check() {
    if (!java.util.Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method())) {
      throw new IllegalStateException("method must be GET, POST, PUT, PATCH or DELETE, not " + method());
    }
    if (!path().startsWith("/")) {
      throw new IllegalStateException("path must start with '/': " + path());
    }
  }

  /** Builder of {@link BatchOperation}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableBatchOperation.Builder {
    Builder() {}
  }
}
