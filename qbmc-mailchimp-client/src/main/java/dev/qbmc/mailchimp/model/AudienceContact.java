package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** The postal contact of an audience, which Mailchimp requires for every audience (anti-spam law). */
@Value.Immutable
@JsonSerialize(as = ImmutableAudienceContact.class)
@JsonDeserialize(as = ImmutableAudienceContact.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class AudienceContact {
  AudienceContact() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the company or organisation name} */
  @JsonProperty("company")
  public abstract String company();

  /** {@return the first street address line} */
  @JsonProperty("address1")
  public abstract String address1();

  /** {@return the second street address line, if set} */
  @JsonProperty("address2")
  public abstract Optional<String> address2();

  /** {@return the city} */
  @JsonProperty("city")
  public abstract String city();

  /** {@return the state, province or region} */
  @JsonProperty("state")
  public abstract String state();

  /** {@return the postal code} */
  @JsonProperty("zip")
  public abstract String zip();

  /** {@return the two-letter ISO 3166 country code} */
  @JsonProperty("country")
  public abstract String country();

  /** {@return the phone number, if set} */
  @JsonProperty("phone")
  public abstract Optional<String> phone();

  /** Builder of {@link AudienceContact}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableAudienceContact.Builder {
    Builder() {}
  }
}
