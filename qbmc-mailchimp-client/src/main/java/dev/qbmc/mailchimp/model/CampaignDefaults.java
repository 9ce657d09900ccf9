package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** Default sender and language of the campaigns sent to an audience. */
@Value.Immutable
@JsonSerialize(as = ImmutableCampaignDefaults.class)
@JsonDeserialize(as = ImmutableCampaignDefaults.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class CampaignDefaults {
  CampaignDefaults() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the default sender name} */
  @JsonProperty("from_name")
  public abstract String fromName();

  /** {@return the default sender (reply-to) email address} */
  @JsonProperty("from_email")
  public abstract String fromEmail();

  /** {@return the default subject line (may be empty)} */
  @JsonProperty("subject")
  public abstract String subject();

  /** {@return the default language, e.g. {@code en}} */
  @JsonProperty("language")
  public abstract String language();

  /** Builder of {@link CampaignDefaults}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableCampaignDefaults.Builder {
    Builder() {}
  }
}
