package dev.qbmc.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.qbmc.quickbooks.internal.QboStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Company preferences; only the currency preferences are modelled.
 */
@Value.Immutable
@QboStyle
@JsonSerialize(as = ImmutablePreferences.class)
@JsonDeserialize(as = ImmutablePreferences.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class Preferences {
  Preferences() {}

  /**
   * Preferences id.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Id")
  public abstract Optional<String> id();

  /**
   * Currency preferences.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("CurrencyPrefs")
  public abstract Optional<CurrencyPrefs> currencyPrefs();

  /**
   * Timestamps.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("MetaData")
  public abstract Optional<MetaData> metaData();

  /**
   * The company's home currency code (for example {@code USD}).
   *
   * @return the ISO code, empty when QBO did not send it
   */
  @JsonIgnore
  public Optional<String> homeCurrencyCode() {
    return currencyPrefs().flatMap(CurrencyPrefs::homeCurrency).map(ReferenceType::value);
  }

  /**
   * Whether multi-currency is enabled; false when QBO did not say.
   *
   * @return true when enabled
   */
  @JsonIgnore
  public boolean multiCurrencyEnabled() {
    return currencyPrefs().flatMap(CurrencyPrefs::multiCurrencyEnabled).orElse(false);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Preferences} values. */
  public static final class Builder extends ImmutablePreferences.Builder {
    Builder() {}
  }
}
