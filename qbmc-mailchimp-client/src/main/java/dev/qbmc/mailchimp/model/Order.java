package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** An e-commerce order with its lines ({@code PUT /ecommerce/stores/{store_id}/orders/{order_id}}). Money is {@link java.math.BigDecimal}. */
@Value.Immutable
@JsonSerialize(as = ImmutableOrder.class)
@JsonDeserialize(as = ImmutableOrder.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class Order {
  Order() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the order id} */
  @JsonProperty("id")
  public abstract String id();

  /** {@return the customer (for an existing customer only its id is needed)} */
  @JsonProperty("customer")
  public abstract EcommerceCustomer customer();

  /** {@return the three-letter ISO 4217 currency code} */
  @JsonProperty("currency_code")
  public abstract String currencyCode();

  /** {@return the order total} */
  @JsonProperty("order_total")
  public abstract BigDecimal orderTotal();

  /** {@return the campaign the order is attributed to, if set} */
  @JsonProperty("campaign_id")
  public abstract Optional<String> campaignId();

  /** {@return the landing site URL, if set} */
  @JsonProperty("landing_site")
  public abstract Optional<String> landingSite();

  /** {@return the financial status: {@code paid}, {@code pending}, {@code refunded} or {@code cancelled} (may trigger order notifications), if set} */
  @JsonProperty("financial_status")
  public abstract Optional<String> financialStatus();

  /** {@return the fulfilment status ({@code shipped} sends a shipping confirmation), if set} */
  @JsonProperty("fulfillment_status")
  public abstract Optional<String> fulfillmentStatus();

  /** {@return the order URL, if set} */
  @JsonProperty("order_url")
  public abstract Optional<String> orderUrl();

  /** {@return the total discount, if set} */
  @JsonProperty("discount_total")
  public abstract Optional<BigDecimal> discountTotal();

  /** {@return the total tax, if set} */
  @JsonProperty("tax_total")
  public abstract Optional<BigDecimal> taxTotal();

  /** {@return the shipping total, if set} */
  @JsonProperty("shipping_total")
  public abstract Optional<BigDecimal> shippingTotal();

  /** {@return the tracking code ({@code prec}), if set} */
  @JsonProperty("tracking_code")
  public abstract Optional<String> trackingCode();

  /** {@return when the order was placed (needed for the contact activity feed), if set} */
  @JsonProperty("processed_at_foreign")
  public abstract Optional<OffsetDateTime> processedAtForeign();

  /** {@return when the order was cancelled (a value cancels the order), if set} */
  @JsonProperty("cancelled_at_foreign")
  public abstract Optional<OffsetDateTime> cancelledAtForeign();

  /** {@return when the order was last updated, if set} */
  @JsonProperty("updated_at_foreign")
  public abstract Optional<OffsetDateTime> updatedAtForeign();

  /** {@return the shipping address, if set} */
  @JsonProperty("shipping_address")
  public abstract Optional<EcommerceAddress> shippingAddress();

  /** {@return the billing address, if set} */
  @JsonProperty("billing_address")
  public abstract Optional<EcommerceAddress> billingAddress();

  /** {@return the order lines (empty when none; omitted from requests when empty)} */
  @JsonProperty("lines")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<OrderLineItem> lines();

  /** Builder of {@link Order}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableOrder.Builder {
    Builder() {}
  }
}
