package dev.qbmc.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.qbmc.quickbooks.internal.QboStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Detail of a synthetic {@code SubTotalLineDetail} line (no line id; amount = subtotal). Usually an
 * empty object.
 */
@Value.Immutable
@QboStyle
@JsonSerialize(as = ImmutableSubTotalLineDetail.class)
@JsonDeserialize(as = ImmutableSubTotalLineDetail.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class SubTotalLineDetail {
  SubTotalLineDetail() {}

  /**
   * Item reference, rarely present.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("ItemRef")
  public abstract Optional<ReferenceType> itemRef();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SubTotalLineDetail} values. */
  public static final class Builder extends ImmutableSubTotalLineDetail.Builder {
    Builder() {}
  }
}
