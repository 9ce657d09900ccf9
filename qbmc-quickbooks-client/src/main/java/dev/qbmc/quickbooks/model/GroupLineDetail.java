package dev.qbmc.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.qbmc.quickbooks.internal.QboStyle;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Detail of a {@code GroupLineDetail} line: a bundle whose real amounts are in its nested lines (the
 * group line's own {@code Amount} may be 0).
 */
@Value.Immutable
@QboStyle
@JsonSerialize(as = ImmutableGroupLineDetail.class)
@JsonDeserialize(as = ImmutableGroupLineDetail.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class GroupLineDetail {
  GroupLineDetail() {}

  /**
   * The group (bundle) item.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("GroupItemRef")
  public abstract Optional<ReferenceType> groupItemRef();

  /**
   * How many bundles were sold.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Quantity")
  public abstract Optional<BigDecimal> quantity();

  /**
   * The nested lines of the bundle.
   *
   * @return the values in wire order, empty when QBO sent none
   */
  @JsonProperty("Line")
  public abstract List<Line> lines();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GroupLineDetail} values. */
  public static final class Builder extends ImmutableGroupLineDetail.Builder {
    Builder() {}
  }
}
