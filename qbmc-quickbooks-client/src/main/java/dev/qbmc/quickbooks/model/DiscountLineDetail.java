package dev.qbmc.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.qbmc.quickbooks.internal.QboStyle;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Detail of a {@code DiscountLineDetail} line; the line {@code Amount} is the positive discount value.
 */
@Value.Immutable
@QboStyle
@JsonSerialize(as = ImmutableDiscountLineDetail.class)
@JsonDeserialize(as = ImmutableDiscountLineDetail.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class DiscountLineDetail {
  DiscountLineDetail() {}

  /**
   * Whether the discount is a percentage.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("PercentBased")
  public abstract Optional<Boolean> percentBased();

  /**
   * The percentage, when percent based.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("DiscountPercent")
  public abstract Optional<BigDecimal> discountPercent();

  /**
   * The income account the discount is booked to.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("DiscountAccountRef")
  public abstract Optional<ReferenceType> discountAccountRef();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DiscountLineDetail} values. */
  public static final class Builder extends ImmutableDiscountLineDetail.Builder {
    Builder() {}
  }
}
