package dev.qbmc.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.qbmc.quickbooks.internal.QboStyle;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Detail of a {@code SalesItemLineDetail} line: the item sold, quantity and unit price.
 */
@Value.Immutable
@QboStyle
@JsonSerialize(as = ImmutableSalesItemLineDetail.class)
@JsonDeserialize(as = ImmutableSalesItemLineDetail.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class SalesItemLineDetail {
  SalesItemLineDetail() {}

  /**
   * The item sold.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("ItemRef")
  public abstract Optional<ReferenceType> itemRef();

  /**
   * Quantity sold (may be absent or fractional).
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Qty")
  public abstract Optional<BigDecimal> qty();

  /**
   * Unit price (QBO allows up to 7 decimals).
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("UnitPrice")
  public abstract Optional<BigDecimal> unitPrice();

  /**
   * Tax code of the line.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("TaxCodeRef")
  public abstract Optional<ReferenceType> taxCodeRef();

  /**
   * Date the service was performed.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("ServiceDate")
  public abstract Optional<LocalDate> serviceDate();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SalesItemLineDetail} values. */
  public static final class Builder extends ImmutableSalesItemLineDetail.Builder {
    Builder() {}
  }
}
