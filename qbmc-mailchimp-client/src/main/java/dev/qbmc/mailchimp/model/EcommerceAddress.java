package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A postal address of an e-commerce store, customer or order. */
@Value.Immutable
@JsonSerialize(as = ImmutableEcommerceAddress.class)
@JsonDeserialize(as = ImmutableEcommerceAddress.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class EcommerceAddress {
  EcommerceAddress() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the addressee name (orders only), if set} */
  @JsonProperty("name")
  public abstract Optional<String> name();

  /** {@return the company (orders only), if set} */
  @JsonProperty("company")
  public abstract Optional<String> company();

  /** {@return the first street line, if set} */
  @JsonProperty("address1")
  public abstract Optional<String> address1();

  /** {@return the second street line, if set} */
  @JsonProperty("address2")
  public abstract Optional<String> address2();

  /** {@return the city, if set} */
  @JsonProperty("city")
  public abstract Optional<String> city();

  /** {@return the province or state, if set} */
  @JsonProperty("province")
  public abstract Optional<String> province();

  /** {@return the province or state code, if set} */
  @JsonProperty("province_code")
  public abstract Optional<String> provinceCode();

  /** {@return the postal code, if set} */
  @JsonProperty("postal_code")
  public abstract Optional<String> postalCode();

  /** {@return the country name, if set} */
  @JsonProperty("country")
  public abstract Optional<String> country();

  /** {@return the two-letter country code, if set} */
  @JsonProperty("country_code")
  public abstract Optional<String> countryCode();

  /** {@return the phone number (orders only), if set} */
  @JsonProperty("phone")
  public abstract Optional<String> phone();

  /** Builder of {@link EcommerceAddress}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableEcommerceAddress.Builder {
    Builder() {}
  }
}
