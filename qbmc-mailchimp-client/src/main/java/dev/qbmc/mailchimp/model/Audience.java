package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.immutables.value.Value;

/** An audience (list) read from {@code GET /lists} or {@code GET /lists/{list_id}}. */
@Value.Immutable
@JsonSerialize(as = ImmutableAudience.class)
@JsonDeserialize(as = ImmutableAudience.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class Audience {
  Audience() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the list id} */
  @JsonProperty("id")
  public abstract String id();

  /** {@return the id used in the Mailchimp web application, if set} */
  @JsonProperty("web_id")
  public abstract Optional<Long> webId();

  /** {@return the audience name} */
  @JsonProperty("name")
  public abstract String name();

  /** {@return the postal contact, if set} */
  @JsonProperty("contact")
  public abstract Optional<AudienceContact> contact();

  /** {@return the permission reminder shown to contacts, if set} */
  @JsonProperty("permission_reminder")
  public abstract Optional<String> permissionReminder();

  /** {@return the campaign defaults, if set} */
  @JsonProperty("campaign_defaults")
  public abstract Optional<CampaignDefaults> campaignDefaults();

  /** {@return whether contacts may choose between HTML and plain-text email, if set} */
  @JsonProperty("email_type_option")
  public abstract Optional<Boolean> emailTypeOption();

  /** {@return whether new signups must confirm (send {@code pending} rather than {@code subscribed}), if set} */
  @JsonProperty("double_optin")
  public abstract Optional<Boolean> doubleOptin();

  /** {@return when the audience was created, if set} */
  @JsonProperty("date_created")
  public abstract Optional<OffsetDateTime> dateCreated();

  /** {@return the member counts, if set} */
  @JsonProperty("stats")
  public abstract Optional<AudienceStats> stats();

  /**
   * The number of active members, {@code stats.member_count}.
   *
   * @return the active member count, 0 when the response carried no stats
   */
  public long memberCount() {
    return stats().map(AudienceStats::memberCount).orElse(0L);
  }

  /** Builder of {@link Audience}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableAudience.Builder {
    Builder() {}
  }
}
