package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** The value of an ADDRESS merge field. Mailchimp requires {@code addr1}, {@code city}, {@code state} and {@code zip}; an incomplete address is refused with "Please enter a complete address". */
@Value.Immutable
@JsonSerialize(as = ImmutableAddressMergeValue.class)
@JsonDeserialize(as = ImmutableAddressMergeValue.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class AddressMergeValue {
  AddressMergeValue() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the first street line} */
  @JsonProperty("addr1")
  public abstract String addr1();

  /** {@return the second street line, if set} */
  @JsonProperty("addr2")
  public abstract Optional<String> addr2();

  /** {@return the city} */
  @JsonProperty("city")
  public abstract String city();

  /** {@return the state, province or region} */
  @JsonProperty("state")
  public abstract String state();

  /** {@return the postal code} */
  @JsonProperty("zip")
  public abstract String zip();

  /** {@return the two-letter country code, if set} */
  @JsonProperty("country")
  public abstract Optional<String> country();

  /**
   * Whether every part Mailchimp requires ({@code addr1}, {@code city}, {@code state}, {@code zip}) is non-blank.
   *
   * @return true when Mailchimp will accept this address
   */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isComplete() {
    return !addr1().isBlank() && !city().isBlank() && !state().isBlank() && !zip().isBlank();
  }

  /** Builder of {@link AddressMergeValue}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableAddressMergeValue.Builder {
    Builder() {}
  }
}
