package dev.qbmc.core.mapping;

import dev.qbmc.core.internal.QbmcStyle;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One line of an e-commerce order, from a QBO {@code SalesItemLineDetail} line (top level or nested
 * in a {@code GroupLineDetail}).
 *
 * <p><b>Quantity and price.</b> When QBO gives a whole, positive {@code Qty} and a {@code UnitPrice},
 * they are used as they are (exact, e.g. a 7-decimal unit price). Otherwise (no quantity, no unit
 * price, or a fractional quantity such as 1.5 hours, which Mailchimp's integer quantity cannot hold)
 * the line becomes quantity 1 at the line's {@code Amount}, so that quantity times price stays the
 * QBO line total.
 */
@Value.Immutable
@QbmcStyle
public abstract class OrderLine {

  OrderLine() {}

  /**
   * The line id: the QBO line {@code Id}; nested group lines are {@code <groupLineId>-<lineId>};
   * lines without an Id are {@code line-<position>} (1-based, in QBO order).
   *
   * @return the line id, unique within the order
   */
  public abstract String id();

  /**
   * The product id: the {@code ItemRef} value, or {@link ProductRecord#PLACEHOLDER_ID}.
   *
   * @return the product id
   */
  public abstract String productId();

  /**
   * The variant id: equal to {@link #productId()}.
   *
   * @return the variant id
   */
  public String productVariantId() {
    return productId();
  }

  /**
   * The item's name from the {@code ItemRef}; used only when a stand-in product must be created.
   *
   * @return the name, if QBO sent it
   */
  public abstract Optional<String> itemName();

  /**
   * The quantity (see the class description).
   *
   * @return the exact quantity
   */
  public abstract BigDecimal quantity();

  /**
   * The price per unit (see the class description).
   *
   * @return the exact unit price
   */
  public abstract BigDecimal price();

  void writeTo(Canonical c) {
    c.add("line", id())
        .add("product", productId())
        .add("quantity", quantity())
        .add("price", price());
  }

  /**
   * Starts a builder; every value except {@code itemName} is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OrderLine}. */
  public static final class Builder extends ImmutableOrderLine.Builder {
    Builder() {}
  }
}
