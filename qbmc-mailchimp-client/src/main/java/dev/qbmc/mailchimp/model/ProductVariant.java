package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/** A product variant: the price, SKU and inventory of a product live here. */
@Value.Immutable
@JsonSerialize(as = ImmutableProductVariant.class)
@JsonDeserialize(as = ImmutableProductVariant.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class ProductVariant {
  ProductVariant() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the variant id (may equal the product id)} */
  @JsonProperty("id")
  public abstract String id();

  /** {@return the variant title} */
  @JsonProperty("title")
  public abstract String title();

  /** {@return the variant URL, if set} */
  @JsonProperty("url")
  public abstract Optional<String> url();

  /** {@return the SKU, if set} */
  @JsonProperty("sku")
  public abstract Optional<String> sku();

  /** {@return the price, if set} */
  @JsonProperty("price")
  public abstract Optional<BigDecimal> price();

  /** {@return the inventory quantity, if set} */
  @JsonProperty("inventory_quantity")
  public abstract Optional<Integer> inventoryQuantity();

  /** {@return the image URL, if set} */
  @JsonProperty("image_url")
  public abstract Optional<String> imageUrl();

  /** {@return the backorders setting, if set} */
  @JsonProperty("backorders")
  public abstract Optional<String> backorders();

  /** {@return the visibility, if set} */
  @JsonProperty("visibility")
  public abstract Optional<String> visibility();

  /** Builder of {@link ProductVariant}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableProductVariant.Builder {
    Builder() {}
  }
}
