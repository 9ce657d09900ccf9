package dev.qbmc.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The fields a QBO sales transaction has whatever its kind: an {@link Invoice} or a {@link
 * SalesReceipt}. Code that treats both alike (an e-commerce order, a report) takes this type.
 */
public sealed interface SalesTransaction permits Invoice, SalesReceipt {

  /**
   * Entity id (a string).
   *
   * @return the value
   */
  @JsonProperty("Id")
  String id();

  /**
   * Version for optimistic locking.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("SyncToken")
  Optional<String> syncToken();

  /**
   * Timestamps.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("MetaData")
  Optional<MetaData> metaData();

  /**
   * Document number shown to the customer.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("DocNumber")
  Optional<String> docNumber();

  /**
   * Transaction date.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("TxnDate")
  Optional<LocalDate> txnDate();

  /**
   * Transaction currency.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("CurrencyRef")
  Optional<ReferenceType> currencyRef();

  /**
   * Exchange rate to the home currency (multi-currency companies).
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("ExchangeRate")
  Optional<BigDecimal> exchangeRate();

  /**
   * The customer; may be absent on sales receipts.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("CustomerRef")
  Optional<ReferenceType> customerRef();

  /**
   * Email the transaction is sent to.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("BillEmail")
  Optional<EmailAddress> billEmail();

  /**
   * Billing address.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("BillAddr")
  Optional<PhysicalAddress> billAddr();

  /**
   * Shipping address.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("ShipAddr")
  Optional<PhysicalAddress> shipAddr();

  /**
   * The lines, including synthetic subtotal lines.
   *
   * @return the values in wire order, empty when QBO sent none
   */
  @JsonProperty("Line")
  List<Line> lines();

  /**
   * Tax summary.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("TxnTaxDetail")
  Optional<TxnTaxDetail> txnTaxDetail();

  /**
   * Total amount in the transaction currency.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("TotalAmt")
  Optional<BigDecimal> totalAmt();

  /**
   * Total amount in the home currency (multi-currency companies).
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("HomeTotalAmt")
  Optional<BigDecimal> homeTotalAmt();

  /**
   * Open balance.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Balance")
  Optional<BigDecimal> balance();

  /**
   * Internal note; QBO writes {@code Voided} here when voiding.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("PrivateNote")
  Optional<String> privateNote();

  /**
   * Entity status; {@code Deleted} for deleted entities (delete responses, CDC).
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("status")
  Optional<String> status();

  /**
   * Whether QBO marked this entity deleted ({@code "status": "Deleted"}).
   *
   * @return true when deleted
   */
  @JsonIgnore
  default boolean deleted() {
    return status().map("Deleted"::equalsIgnoreCase).orElse(false);
  }
}
