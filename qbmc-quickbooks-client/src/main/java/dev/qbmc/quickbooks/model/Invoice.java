package dev.qbmc.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.qbmc.quickbooks.internal.QboStyle;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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
public abstract class Invoice {
  Invoice() {}

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
   * Timestamps.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("MetaData")
  public abstract Optional<MetaData> metaData();

  /**
   * Document number shown to the customer.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("DocNumber")
  public abstract Optional<String> docNumber();

  /**
   * Transaction date.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("TxnDate")
  public abstract Optional<LocalDate> txnDate();

  /**
   * Payment due date.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("DueDate")
  public abstract Optional<LocalDate> dueDate();

  /**
   * Transaction currency.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("CurrencyRef")
  public abstract Optional<ReferenceType> currencyRef();

  /**
   * Exchange rate to the home currency (multi-currency companies).
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("ExchangeRate")
  public abstract Optional<BigDecimal> exchangeRate();

  /**
   * The customer; may be absent on sales receipts.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("CustomerRef")
  public abstract Optional<ReferenceType> customerRef();

  /**
   * Email the transaction is sent to.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("BillEmail")
  public abstract Optional<EmailAddress> billEmail();

  /**
   * Billing address.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("BillAddr")
  public abstract Optional<PhysicalAddress> billAddr();

  /**
   * Shipping address.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("ShipAddr")
  public abstract Optional<PhysicalAddress> shipAddr();

  /**
   * The lines, including synthetic subtotal lines.
   *
   * @return the values in wire order, empty when QBO sent none
   */
  @JsonProperty("Line")
  public abstract List<Line> lines();

  /**
   * Tax summary.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("TxnTaxDetail")
  public abstract Optional<TxnTaxDetail> txnTaxDetail();

  /**
   * Total amount in the transaction currency.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("TotalAmt")
  public abstract Optional<BigDecimal> totalAmt();

  /**
   * Total amount in the home currency (multi-currency companies).
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("HomeTotalAmt")
  public abstract Optional<BigDecimal> homeTotalAmt();

  /**
   * Open balance.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Balance")
  public abstract Optional<BigDecimal> balance();

  /**
   * Internal note; QBO writes {@code Voided} here when voiding.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("PrivateNote")
  public abstract Optional<String> privateNote();

  /**
   * Entity status; {@code Deleted} for deleted entities (delete responses, CDC).
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("status")
  public abstract Optional<String> status();

  /**
   * Whether QBO marked this entity deleted ({@code "status": "Deleted"}).
   *
   * @return true when deleted
   */
  @JsonIgnore
  public boolean deleted() {
    return status().map("Deleted"::equalsIgnoreCase).orElse(false);
  }

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
