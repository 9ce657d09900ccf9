package dev.qbmc.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The {@code DetailType} of a transaction {@link Line}. */
public enum LineDetailType {
  /** An item sold: see {@link Line#salesItemLineDetail()}. */
  SALES_ITEM_LINE_DETAIL("SalesItemLineDetail"),
  /** A discount: see {@link Line#discountLineDetail()}. */
  DISCOUNT_LINE_DETAIL("DiscountLineDetail"),
  /** A synthetic subtotal (no line id). */
  SUB_TOTAL_LINE_DETAIL("SubTotalLineDetail"),
  /** A bundle with nested lines: see {@link Line#groupLineDetail()}. */
  GROUP_LINE_DETAIL("GroupLineDetail"),
  /** A text-only line. */
  DESCRIPTION_ONLY("DescriptionOnly"),
  /** A kind of line this SDK does not model (for example a future QBO addition). */
  UNKNOWN("Unknown");

  private final String wireName;

  LineDetailType(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The value QBO writes in {@code DetailType}.
   *
   * @return the wire name
   */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Maps a wire value; unknown or null values give {@link #UNKNOWN}.
   *
   * @param value the {@code DetailType} text, may be null
   * @return the type, never null
   */
  @JsonCreator
  public static LineDetailType fromWireName(String value) {
    for (LineDetailType type : values()) {
      if (type.wireName.equals(value)) {
        return type;
      }
    }
    return UNKNOWN;
  }
}
