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
 * A QBO product or service.
 */
@Value.Immutable
@QboStyle
@JsonSerialize(as = ImmutableItem.class)
@JsonDeserialize(as = ImmutableItem.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class Item {
  Item() {}

  /**
   * Entity id (a string).
   *
   * @return the value
   */
  @JsonProperty("Id")
  public abstract String id();

  /**
   * Version for optimistic locking.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("SyncToken")
  public abstract Optional<String> syncToken();

  /**
   * Item name.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Name")
  public abstract Optional<String> name();

  /**
   * Name including parent categories.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("FullyQualifiedName")
  public abstract Optional<String> fullyQualifiedName();

  /**
   * Stock keeping unit.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Sku")
  public abstract Optional<String> sku();

  /**
   * Sales description.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Description")
  public abstract Optional<String> description();

  /**
   * Whether the item is active.
   *
   * @return the value, true when QBO left it out
   */
  @JsonProperty("Active")
  @Value.Default
  public boolean active() {
    return true;
  }

  /**
   * Item type; {@link ItemType#UNKNOWN} for types this SDK does not know.
   *
   * @return the value, ItemType.UNKNOWN when QBO left it out
   */
  @JsonProperty("Type")
  @Value.Default
  public ItemType type() {
    return ItemType.UNKNOWN;
  }

  /**
   * Sales price.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("UnitPrice")
  public abstract Optional<BigDecimal> unitPrice();

  /**
   * Timestamps.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("MetaData")
  public abstract Optional<MetaData> metaData();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Item} values. */
  public static final class Builder extends ImmutableItem.Builder {
    Builder() {}
  }
}
