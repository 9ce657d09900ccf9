package dev.qbmc.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.qbmc.quickbooks.internal.QboStyle;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A QBO invoice. A voided invoice keeps its id with all amounts 0 and {@code PrivateNote} "Voided".
 */
@Value.Immutable
@QboStyle
@JsonSerialize(as = ImmutableInvoice.class)
@JsonDeserialize(as = ImmutableInvoice.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract non-sealed class Invoice implements SalesTransaction {
  Invoice() {}

  /**
   * Payment due date.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("DueDate")
  public abstract Optional<LocalDate> dueDate();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Invoice} values. */
  public static final class Builder extends ImmutableInvoice.Builder {
    Builder() {}
  }
}
