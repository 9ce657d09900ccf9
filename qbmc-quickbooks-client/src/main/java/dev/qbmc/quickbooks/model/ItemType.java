package dev.qbmc.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The {@code Type} of an {@link Item}. */
public enum ItemType {
  /** A tracked inventory product. */
  INVENTORY("Inventory"),
  /** A product not tracked in inventory. */
  NON_INVENTORY("NonInventory"),
  /** A service. */
  SERVICE("Service"),
  /** A bundle of items sold together. */
  GROUP("Group"),
  /** A category: a hierarchy node, not sellable. */
  CATEGORY("Category"),
  /** A type this SDK does not know. */
  UNKNOWN("Unknown");

  private final String wireName;

  ItemType(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The value QBO writes in {@code Type}.
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
   * @param value the {@code Type} text, may be null
   * @return the type, never null
   */
  @JsonCreator
  public static ItemType fromWireName(String value) {
    for (ItemType type : values()) {
      if (type.wireName.equals(value)) {
        return type;
      }
    }
    return UNKNOWN;
  }
}
