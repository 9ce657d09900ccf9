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
 * Tax summary of a sales transaction.
 */
@Value.Immutable
@QboStyle
@JsonSerialize(as = ImmutableTxnTaxDetail.class)
@JsonDeserialize(as = ImmutableTxnTaxDetail.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class TxnTaxDetail {
  TxnTaxDetail() {}

  /**
   * The transaction tax code.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("TxnTaxCodeRef")
  public abstract Optional<ReferenceType> txnTaxCodeRef();

  /**
   * Total tax of the transaction.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("TotalTax")
  public abstract Optional<BigDecimal> totalTax();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link TxnTaxDetail} values. */
  public static final class Builder extends ImmutableTxnTaxDetail.Builder {
    Builder() {}
  }
}
