package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/** A line of an e-commerce order (Mailchimp: "order line item"). */
@Value.Immutable
@JsonSerialize(as = ImmutableOrderLineItem.class)
@JsonDeserialize(as = ImmutableOrderLineItem.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class OrderLineItem {
  OrderLineItem() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the line id, unique within the order} */
  @JsonProperty("id")
  public abstract String id();

  /** {@return the product id} */
  @JsonProperty("product_id")
  public abstract String productId();

  /** {@return the product variant id} */
  @JsonProperty("product_variant_id")
  public abstract String productVariantId();

  /** {@return the quantity} */
  @JsonProperty("quantity")
  public abstract int quantity();

  /** {@return the line price} */
  @JsonProperty("price")
  public abstract BigDecimal price();

  /** {@return the discount on the line, if set} */
  @JsonProperty("discount")
  public abstract Optional<BigDecimal> discount();

  /** Builder of {@link OrderLineItem}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableOrderLineItem.Builder {
    Builder() {}
  }
}
