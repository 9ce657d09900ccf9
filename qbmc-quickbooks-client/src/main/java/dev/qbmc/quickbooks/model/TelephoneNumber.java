package dev.qbmc.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.qbmc.quickbooks.internal.QboStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A telephone number ({@code PrimaryPhone}, {@code Mobile}, {@code Fax}).
 */
@Value.Immutable
@QboStyle
@JsonSerialize(as = ImmutableTelephoneNumber.class)
@JsonDeserialize(as = ImmutableTelephoneNumber.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class TelephoneNumber {
  TelephoneNumber() {}

  /**
   * The number as free text.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("FreeFormNumber")
  public abstract Optional<String> freeFormNumber();

  /**
   * A telephone number with the given free-form text.
   *
   * @param number the number text
   * @return the value
   */
  public static TelephoneNumber of(String number) {
    return builder().freeFormNumber(number).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link TelephoneNumber} values. */
  public static final class Builder extends ImmutableTelephoneNumber.Builder {
    Builder() {}
  }
}
