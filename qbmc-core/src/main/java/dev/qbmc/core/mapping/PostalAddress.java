package dev.qbmc.core.mapping;

import dev.qbmc.core.internal.QbmcStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A complete postal address, as Mailchimp's ADDRESS merge field requires it: {@code addr1},
 * {@code city}, {@code state} and {@code zip} are present and non-blank; {@code addr2} and the ISO
 * alpha-2 {@code country} are optional.
 */
@Value.Immutable
@QbmcStyle
public abstract class PostalAddress {

  PostalAddress() {}

  /**
   * The first street line.
   *
   * @return a non-blank line
   */
  public abstract String addr1();

  /**
   * The second street line.
   *
   * @return the line, if any
   */
  public abstract Optional<String> addr2();

  /**
   * The city.
   *
   * @return a non-blank city
   */
  public abstract String city();

  /**
   * The state, province or region ({@code CountrySubDivisionCode}).
   *
   * @return a non-blank state
   */
  public abstract String state();

  /**
   * The postal code.
   *
   * @return a non-blank postal code
   */
  public abstract String zip();

  /**
   * The ISO 3166-1 alpha-2 country.
   *
   * @return the code, if the QBO address names a known country
   */
  public abstract Optional<String> country();

  @Value.Check
  void check() {
    if (addr1().isBlank() || city().isBlank() || state().isBlank() || zip().isBlank()) {
      throw new IllegalArgumentException("addr1, city, state and zip must not be blank");
    }
  }

  /**
   * Starts a builder; {@code addr1}, {@code city}, {@code state} and {@code zip} are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PostalAddress}. */
  public static final class Builder extends ImmutablePostalAddress.Builder {
    Builder() {}
  }
}
