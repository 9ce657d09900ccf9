package dev.qbmc.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.qbmc.quickbooks.internal.QboStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A QBO sales receipt (a sale paid on the spot). {@code CustomerRef} is optional.
 */
@Value.Immutable
@QboStyle
@JsonSerialize(as = ImmutableSalesReceipt.class)
@JsonDeserialize(as = ImmutableSalesReceipt.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract non-sealed class SalesReceipt implements SalesTransaction {
  SalesReceipt() {}

  /**
   * Payment method.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("PaymentMethodRef")
  public abstract Optional<ReferenceType> paymentMethodRef();

  /**
   * Account the money was deposited to.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("DepositToAccountRef")
  public abstract Optional<ReferenceType> depositToAccountRef();

  /**
   * Payment reference number.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("PaymentRefNum")
  public abstract Optional<String> paymentRefNum();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SalesReceipt} values. */
  public static final class Builder extends ImmutableSalesReceipt.Builder {
    Builder() {}
  }
}
