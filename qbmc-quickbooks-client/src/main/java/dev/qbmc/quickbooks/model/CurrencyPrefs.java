package dev.qbmc.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.qbmc.quickbooks.internal.QboStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Currency preferences of a company.
 */
@Value.Immutable
@QboStyle
@JsonSerialize(as = ImmutableCurrencyPrefs.class)
@JsonDeserialize(as = ImmutableCurrencyPrefs.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class CurrencyPrefs {
  CurrencyPrefs() {}

  /**
   * The home currency; {@code value} is the ISO code.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("HomeCurrency")
  public abstract Optional<ReferenceType> homeCurrency();

  /**
   * Whether multi-currency is switched on.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("MultiCurrencyEnabled")
  public abstract Optional<Boolean> multiCurrencyEnabled();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CurrencyPrefs} values. */
  public static final class Builder extends ImmutableCurrencyPrefs.Builder {
    Builder() {}
  }
}
