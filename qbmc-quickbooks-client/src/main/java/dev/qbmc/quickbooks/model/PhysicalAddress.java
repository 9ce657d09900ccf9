package dev.qbmc.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.qbmc.quickbooks.internal.QboStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A postal address ({@code BillAddr}, {@code ShipAddr}, {@code CompanyAddr}). QBO addresses may be
 * structured (street in {@code Line1}, {@code City}, {@code PostalCode}) or unstructured (everything in
 * {@code Line1..Line5}); {@code Lat}/{@code Long} are strings because QBO writes {@code "INVALID"}.
 */
@Value.Immutable
@QboStyle
@JsonSerialize(as = ImmutablePhysicalAddress.class)
@JsonDeserialize(as = ImmutablePhysicalAddress.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class PhysicalAddress {
  PhysicalAddress() {}

  /**
   * The address id inside QBO.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Id")
  public abstract Optional<String> id();

  /**
   * First address line.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Line1")
  public abstract Optional<String> line1();

  /**
   * Second address line.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Line2")
  public abstract Optional<String> line2();

  /**
   * Third address line.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Line3")
  public abstract Optional<String> line3();

  /**
   * Fourth address line.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Line4")
  public abstract Optional<String> line4();

  /**
   * Fifth address line.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Line5")
  public abstract Optional<String> line5();

  /**
   * City.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("City")
  public abstract Optional<String> city();

  /**
   * State, province or region code (for example {@code CA}).
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("CountrySubDivisionCode")
  public abstract Optional<String> countrySubDivisionCode();

  /**
   * Postal or ZIP code.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("PostalCode")
  public abstract Optional<String> postalCode();

  /**
   * Country as QBO stores it (free text, often absent for US data).
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Country")
  public abstract Optional<String> country();

  /**
   * Latitude as text; may be {@code "INVALID"}.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Lat")
  public abstract Optional<String> latitude();

  /**
   * Longitude as text; may be {@code "INVALID"}.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Long")
  public abstract Optional<String> longitude();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PhysicalAddress} values. */
  public static final class Builder extends ImmutablePhysicalAddress.Builder {
    Builder() {}
  }
}
