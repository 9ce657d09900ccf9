package dev.qbmc.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.qbmc.quickbooks.internal.QboStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A reference to another QBO object ({@code CustomerRef}, {@code ItemRef}, {@code CurrencyRef},
 * ...): its id in {@code value} and, usually, its display {@code name}.
 */
@Value.Immutable
@QboStyle
@JsonSerialize(as = ImmutableReferenceType.class)
@JsonDeserialize(as = ImmutableReferenceType.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class ReferenceType {
  ReferenceType() {}

  /**
   * The referenced object's id (for {@code CurrencyRef}, the ISO currency code).
   *
   * @return the id
   */
  @JsonProperty("value")
  public abstract String value();

  /**
   * The referenced object's display name, when QBO sent one.
   *
   * @return the name
   */
  @JsonProperty("name")
  public abstract Optional<String> name();

  /**
   * A reference with an id only.
   *
   * @param value the id
   * @return the reference
   */
  public static ReferenceType of(String value) {
    return builder().value(value).build();
  }

  /**
   * A reference with id and name.
   *
   * @param value the id
   * @param name the display name
   * @return the reference
   */
  public static ReferenceType of(String value, String name) {
    return builder().value(value).name(name).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ReferenceType} values; {@code value} is required. */
  public static final class Builder extends ImmutableReferenceType.Builder {
    Builder() {}
  }
}
