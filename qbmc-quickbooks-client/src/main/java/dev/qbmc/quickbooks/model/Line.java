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
 * One line of an invoice or sales receipt, discriminated by {@link #detailType()}; exactly the detail
 * object matching the type is normally present.
 */
@Value.Immutable
@QboStyle
@JsonSerialize(as = ImmutableLine.class)
@JsonDeserialize(as = ImmutableLine.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class Line {
  Line() {}

  /**
   * Line id; absent on subtotal lines.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Id")
  public abstract Optional<String> id();

  /**
   * Position of the line.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("LineNum")
  public abstract Optional<Integer> lineNum();

  /**
   * Line description.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Description")
  public abstract Optional<String> description();

  /**
   * Line amount.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Amount")
  public abstract Optional<BigDecimal> amount();

  /**
   * Kind of line; {@link LineDetailType#UNKNOWN} for kinds this SDK does not model.
   *
   * @return the value, LineDetailType.UNKNOWN when QBO left it out
   */
  @JsonProperty("DetailType")
  @Value.Default
  public LineDetailType detailType() {
    return LineDetailType.UNKNOWN;
  }

  /**
   * Detail of a sales item line.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("SalesItemLineDetail")
  public abstract Optional<SalesItemLineDetail> salesItemLineDetail();

  /**
   * Detail of a discount line.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("DiscountLineDetail")
  public abstract Optional<DiscountLineDetail> discountLineDetail();

  /**
   * Detail of a subtotal line.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("SubTotalLineDetail")
  public abstract Optional<SubTotalLineDetail> subTotalLineDetail();

  /**
   * Detail of a group line.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("GroupLineDetail")
  public abstract Optional<GroupLineDetail> groupLineDetail();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Line} values. */
  public static final class Builder extends ImmutableLine.Builder {
    Builder() {}
  }
}
