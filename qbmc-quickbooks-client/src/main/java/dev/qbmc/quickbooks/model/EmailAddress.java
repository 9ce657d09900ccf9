package dev.qbmc.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.qbmc.quickbooks.internal.QboStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An email address holder ({@code PrimaryEmailAddr}, {@code BillEmail}). QBO allows several
 * comma-separated addresses in one {@code Address}.
 */
@Value.Immutable
@QboStyle
@JsonSerialize(as = ImmutableEmailAddress.class)
@JsonDeserialize(as = ImmutableEmailAddress.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class EmailAddress {
  EmailAddress() {}

  /**
   * The address text exactly as QBO stores it (may hold several, comma-separated).
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Address")
  public abstract Optional<String> address();

  /**
   * An email holder with the given address text.
   *
   * @param address the address text
   * @return the value
   */
  public static EmailAddress of(String address) {
    return builder().address(address).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EmailAddress} values. */
  public static final class Builder extends ImmutableEmailAddress.Builder {
    Builder() {}
  }
}
