package dev.qbmc.core.mapping;

import dev.qbmc.core.internal.QbmcStyle;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What qbmc writes to the store for one QBO Item: a product with exactly one variant that reuses the
 * product's id and title and carries the SKU and the price.
 *
 * <p><b>Ids.</b> The product id (and the variant id) is the QBO Item Id. QBO Ids are digits, so the
 * product {@link #PLACEHOLDER_ID} that stands for order lines naming no item can never collide.
 */
@Value.Immutable
@QbmcStyle
public abstract class ProductRecord {

  /**
   * The product id of the placeholder product named by order lines that have no {@code ItemRef}
   * (Mailchimp requires a product on every line). Its title is {@link #PLACEHOLDER_TITLE}.
   */
  public static final String PLACEHOLDER_ID = "qbmc-no-item";

  /** The title of the placeholder product. */
  public static final String PLACEHOLDER_TITLE = "QuickBooks line without item";

  ProductRecord() {}

  /**
   * The product id, equal to the QBO Item Id (or {@link #PLACEHOLDER_ID}).
   *
   * @return the id
   */
  public abstract String id();

  /**
   * The variant id: the same as {@link #id()}.
   *
   * @return the variant id
   */
  public String variantId() {
    return id();
  }

  /**
   * The title of the product and of its variant: the item's {@code Name}.
   *
   * @return a non-blank title
   */
  public abstract String title();

  /**
   * The variant's SKU.
   *
   * @return the item's {@code Sku}, if any
   */
  public abstract Optional<String> sku();

  /**
   * The variant's price.
   *
   * @return the item's {@code UnitPrice} (exact), if any
   */
  public abstract Optional<BigDecimal> price();

  /**
   * The product description.
   *
   * @return the item's {@code Description}, if any
   */
  public abstract Optional<String> description();

  /**
   * Whether this product was made up by the reconciler from an order line because the QBO item was
   * not known yet (or is {@link #PLACEHOLDER_ID}); the real item replaces it when it syncs.
   *
   * @return true for a stand-in product
   */
  @Value.Default
  public boolean standIn() {
    return false;
  }

  /**
   * The stable digest of what is written to the store.
   *
   * @return lower-case hex SHA-256
   */
  @Value.Lazy
  public String fingerprint() {
    return new Canonical("product")
        .add("id", id())
        .add("title", title())
        .add("sku", sku())
        .add("price", price())
        .add("description", description())
        .add("standIn", standIn())
        .fingerprint();
  }

  @Value.Check
  void check() {
    if (id().isBlank() || title().isBlank()) {
      throw new IllegalArgumentException("product id and title must not be blank");
    }
  }

  /**
   * Starts a builder; {@code id} and {@code title} are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ProductRecord}. */
  public static final class Builder extends ImmutableProductRecord.Builder {
    Builder() {}
  }
}
