package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** The body of {@code POST /lists}: a new audience with its postal contact, permission reminder and campaign defaults. */
@Value.Immutable
@JsonSerialize(as = ImmutableAudienceCreate.class)
@JsonDeserialize(as = ImmutableAudienceCreate.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class AudienceCreate {
  AudienceCreate() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the audience name} */
  @JsonProperty("name")
  public abstract String name();

  /** {@return the postal contact (required by Mailchimp)} */
  @JsonProperty("contact")
  public abstract AudienceContact contact();

  /** {@return the permission reminder, e.g. why contacts receive email} */
  @JsonProperty("permission_reminder")
  public abstract String permissionReminder();

  /** {@return the campaign defaults} */
  @JsonProperty("campaign_defaults")
  public abstract CampaignDefaults campaignDefaults();

  /** {@return whether contacts may choose between HTML and plain-text email} */
  @JsonProperty("email_type_option")
  @Value.Default
  public boolean emailTypeOption() {
    return false;
  }

  /** {@return whether campaigns use the archive bar, if set} */
  @JsonProperty("use_archive_bar")
  public abstract Optional<Boolean> useArchiveBar();

  /** {@return the address notified of new subscribers, if set} */
  @JsonProperty("notify_on_subscribe")
  public abstract Optional<String> notifyOnSubscribe();

  /** {@return the address notified of unsubscribes, if set} */
  @JsonProperty("notify_on_unsubscribe")
  public abstract Optional<String> notifyOnUnsubscribe();

  /** {@return whether new signups must confirm, if set} */
  @JsonProperty("double_optin")
  public abstract Optional<Boolean> doubleOptin();

  /** Builder of {@link AudienceCreate}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableAudienceCreate.Builder {
    Builder() {}
  }
}
