package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The body of {@code POST /lists/{list_id}} (batch subscribe): at most 500 members. With {@code update_existing} true Mailchimp changes existing members' status, so the client's safe batch upsert always sends false. */
@Value.Immutable
@JsonSerialize(as = ImmutableBatchSubscribeRequest.class)
@JsonDeserialize(as = ImmutableBatchSubscribeRequest.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class BatchSubscribeRequest {
  BatchSubscribeRequest() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the members (1 to 500) (empty when none; omitted from requests when empty)} */
  @JsonProperty("members")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<BatchSubscribeMember> members();

  /** {@return whether existing members are updated (including their status)} */
  @JsonProperty("update_existing")
  @Value.Default
  public boolean updateExisting() {
    return false;
  }

  /** {@return whether existing tags are replaced, if set} */
  @JsonProperty("sync_tags")
  public abstract Optional<Boolean> syncTags();

  /** The most members Mailchimp accepts in one batch subscribe call. */
  public static final int MAX_MEMBERS = 500;

  @Value.Check
  void check() {
    if (members().isEmpty() || members().size() > MAX_MEMBERS) {
      throw new IllegalStateException("a batch subscribe call takes 1 to " + MAX_MEMBERS + " members, not " + members().size());
    }
  }

  /** Builder of {@link BatchSubscribeRequest}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableBatchSubscribeRequest.Builder {
    Builder() {}
  }
}
