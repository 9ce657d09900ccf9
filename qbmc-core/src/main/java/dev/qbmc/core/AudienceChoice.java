package dev.qbmc.core;

import java.util.Objects;
import java.util.Optional;

/**
 * Which Mailchimp audience a connection syncs to: an existing one of the account (see {@link
 * Qbmc#availableAudiences(String)}), or a new one created from the QuickBooks company profile
 * (company name, address, email, phone, website), since Mailchimp requires a postal address for
 * every audience.
 */
public final class AudienceChoice {
  private final String audienceId;
  private final String permissionReminder;

  private AudienceChoice(String audienceId, String permissionReminder) {
    this.audienceId = audienceId;
    this.permissionReminder = permissionReminder;
  }

  /**
   * An existing audience.
   *
   * @param audienceId the Mailchimp list id
   * @return the choice
   * @throws IllegalArgumentException if the id is blank
   */
  public static AudienceChoice existing(String audienceId) {
    Objects.requireNonNull(audienceId, "audienceId");
    if (audienceId.isBlank()) {
      throw new IllegalArgumentException("audienceId must not be blank");
    }
    return new AudienceChoice(audienceId, null);
  }

  /**
   * A new audience created from the QuickBooks company profile.
   *
   * @param permissionReminder the text Mailchimp shows recipients about why they get email, for
   *     example "You are receiving this email because you are a customer of ..."
   * @return the choice
   * @throws IllegalArgumentException if the reminder is blank
   */
  public static AudienceChoice createFromCompany(String permissionReminder) {
    Objects.requireNonNull(permissionReminder, "permissionReminder");
    if (permissionReminder.isBlank()) {
      throw new IllegalArgumentException("permissionReminder must not be blank");
    }
    return new AudienceChoice(null, permissionReminder);
  }

  /**
   * The existing audience's id.
   *
   * @return the list id, or empty when a new audience is to be created
   */
  public Optional<String> audienceId() {
    return Optional.ofNullable(audienceId);
  }

  /**
   * The permission reminder of a new audience.
   *
   * @return the reminder, or empty for an existing audience
   */
  public Optional<String> permissionReminder() {
    return Optional.ofNullable(permissionReminder);
  }

  @Override
  public String toString() {
    return audienceId != null ? "AudienceChoice[existing " + audienceId + "]" : "AudienceChoice[create from company]";
  }
}
