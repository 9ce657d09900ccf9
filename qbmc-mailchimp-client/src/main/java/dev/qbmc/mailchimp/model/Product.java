package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** An e-commerce product with its variants ({@code PUT /ecommerce/stores/{store_id}/products/{product_id}}). */
@Value.Immutable
@JsonSerialize(as = ImmutableProduct.class)
@JsonDeserialize(as = ImmutableProduct.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class Product {
  Product() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the product id} */
  @JsonProperty("id")
  public abstract String id();

  /** {@return the title} */
  @JsonProperty("title")
  public abstract String title();

  /** {@return the handle, if set} */
  @JsonProperty("handle")
  public abstract Optional<String> handle();

  /** {@return the product URL, if set} */
  @JsonProperty("url")
  public abstract Optional<String> url();

  /** {@return the description, if set} */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /** {@return the product type, if set} */
  @JsonProperty("type")
  public abstract Optional<String> type();

  /** {@return the vendor, if set} */
  @JsonProperty("vendor")
  public abstract Optional<String> vendor();

  /** {@return the image URL, if set} */
  @JsonProperty("image_url")
  public abstract Optional<String> imageUrl();

  /** {@return the variants (Mailchimp needs at least one) (empty when none; omitted from requests when empty)} */
  @JsonProperty("variants")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<ProductVariant> variants();

  /** {@return when the product was published in the source system, if set} */
  @JsonProperty("published_at_foreign")
  public abstract Optional<OffsetDateTime> publishedAtForeign();

  /** Builder of {@link Product}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableProduct.Builder {
    Builder() {}
  }
}
