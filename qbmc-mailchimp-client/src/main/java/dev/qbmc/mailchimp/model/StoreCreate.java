package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** The body of {@code POST /ecommerce/stores}. */
@Value.Immutable
@JsonSerialize(as = ImmutableStoreCreate.class)
@JsonDeserialize(as = ImmutableStoreCreate.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class StoreCreate {
  StoreCreate() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the store id, chosen by the caller} */
  @JsonProperty("id")
  public abstract String id();

  /** {@return the audience the store is tied to (never changes)} */
  @JsonProperty("list_id")
  public abstract String listId();

  /** {@return the store name} */
  @JsonProperty("name")
  public abstract String name();

  /** {@return the three-letter ISO 4217 currency code} */
  @JsonProperty("currency_code")
  public abstract String currencyCode();

  /** {@return the e-commerce platform name, if set} */
  @JsonProperty("platform")
  public abstract Optional<String> platform();

  /** {@return the store domain (unique per account), if set} */
  @JsonProperty("domain")
  public abstract Optional<String> domain();

  /** {@return whether the store is syncing; while true, order notifications and e-commerce automations are paused, if set} */
  @JsonProperty("is_syncing")
  public abstract Optional<Boolean> syncing();

  /** {@return the store email address, if set} */
  @JsonProperty("email_address")
  public abstract Optional<String> emailAddress();

  /** {@return the currency symbol or format, if set} */
  @JsonProperty("money_format")
  public abstract Optional<String> moneyFormat();

  /** {@return the primary locale, if set} */
  @JsonProperty("primary_locale")
  public abstract Optional<String> primaryLocale();

  /** {@return the time zone, if set} */
  @JsonProperty("timezone")
  public abstract Optional<String> timezone();

  /** {@return the phone number, if set} */
  @JsonProperty("phone")
  public abstract Optional<String> phone();

  /** {@return the store address, if set} */
  @JsonProperty("address")
  public abstract Optional<EcommerceAddress> address();

  /** Builder of {@link StoreCreate}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableStoreCreate.Builder {
    Builder() {}
  }
}
