package dev.qbmc.core.mapping;

import dev.qbmc.core.internal.QbmcStyle;
import dev.qbmc.core.model.QboEntity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What qbmc writes to the store for one QBO Invoice or SalesReceipt: an e-commerce order with a
 * deterministic id ({@code invoice-<Id>} or {@code salesreceipt-<Id>}), so retries never duplicate.
 */
@Value.Immutable
@QbmcStyle
public abstract class OrderRecord {

  OrderRecord() {}

  /**
   * The order id: {@code invoice-<Id>} or {@code salesreceipt-<Id>}.
   *
   * @return the id
   */
  @Value.Derived
  public String id() {
    return orderId(entityType(), qboId());
  }

  /**
   * The order id of a QBO transaction.
   *
   * @param type {@link QboEntity#INVOICE} or {@link QboEntity#SALES_RECEIPT}
   * @param qboId the transaction's QBO Id
   * @return {@code invoice-<Id>} or {@code salesreceipt-<Id>}
   * @throws IllegalArgumentException for any other entity type, or a blank id
   * @throws NullPointerException if an argument is null
   */
  public static String orderId(QboEntity type, String qboId) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(qboId, "qboId");
    if (qboId.isBlank()) {
      throw new IllegalArgumentException("qboId must not be blank");
    }
    switch (type) {
      case INVOICE:
        return "invoice-" + qboId;
      case SALES_RECEIPT:
        return "salesreceipt-" + qboId;
      default:
        throw new IllegalArgumentException(type + " is not a transaction type");
    }
  }

  /**
   * The kind of QBO transaction.
   *
   * @return {@link QboEntity#INVOICE} or {@link QboEntity#SALES_RECEIPT}
   */
  public abstract QboEntity entityType();

  /**
   * The transaction's QBO Id.
   *
   * @return the QBO Id
   */
  public abstract String qboId();

  /**
   * The e-commerce customer the order belongs to (see {@link CommerceCustomerRecord#id()}).
   *
   * @return the e-commerce customer id
   */
  public abstract String customerId();

  /**
   * The currency: {@code CurrencyRef.value}, else the connection's home currency.
   *
   * @return an ISO 4217 code
   */
  public abstract String currencyCode();

  /**
   * The order total: {@code TotalAmt} (0 when QBO sent none).
   *
   * @return the exact total
   */
  public abstract BigDecimal orderTotal();

  /**
   * The tax total: {@code TxnTaxDetail.TotalTax}.
   *
   * @return the exact tax, if QBO sent it
   */
  public abstract Optional<BigDecimal> taxTotal();

  /**
   * The discount total: the sum of the {@code DiscountLineDetail} line amounts.
   *
   * @return the exact discount, present when the transaction has discount lines
   */
  public abstract Optional<BigDecimal> discountTotal();

  /**
   * {@code processed_at_foreign}: the {@code TxnDate}, at the creation time of day when QBO created
   * the transaction that same day, else at midnight in the creation time's offset (UTC when unknown).
   *
   * @return the time, absent when QBO sent no {@code TxnDate} (or an unparseable one)
   */
  public abstract Optional<OffsetDateTime> processedAt();

  /**
   * {@code financial_status}: paid when the balance is 0, else pending; cancelled when voided.
   *
   * @return the status
   */
  public abstract FinancialStatus financialStatus();

  /**
   * The order lines, in QBO order, group lines expanded.
   *
   * @return the lines, possibly empty
   */
  public abstract List<OrderLine> lines();

  /**
   * The invoice's {@code DueDate}. Not part of the fingerprint: it changes nothing in Mailchimp, only
   * whether the invoice counts as overdue.
   *
   * @return the due date, if QBO sent one (sales receipts have none)
   */
  public abstract Optional<LocalDate> dueDate();

  /**
   * Whether the transaction still has an open balance ({@code Balance} &gt; 0). Not part of the
   * fingerprint.
   *
   * @return true when money is still owed
   */
  @Value.Default
  public boolean openBalance() {
    return false;
  }

  /**
   * Whether this is an invoice that is overdue on a day: not voided, with an open balance and a
   * {@code DueDate} before that day.
   *
   * @param today the day to judge on (the services' clock, as a UTC date)
   * @return true when overdue
   * @throws NullPointerException if today is null
   */
  public boolean overdueOn(LocalDate today) {
    Objects.requireNonNull(today, "today");
    return entityType() == QboEntity.INVOICE
        && !voided()
        && openBalance()
        && dueDate().map(d -> d.isBefore(today)).orElse(false);
  }

  /**
   * Whether the QBO transaction was voided (all amounts 0 and {@code PrivateNote} "Voided").
   *
   * @return true when the financial status is {@link FinancialStatus#CANCELLED}
   */
  public boolean voided() {
    return financialStatus() == FinancialStatus.CANCELLED;
  }

  /**
   * The stable digest of what is written to the store.
   *
   * @return lower-case hex SHA-256
   */
  @Value.Lazy
  public String fingerprint() {
    Canonical c =
        new Canonical("order")
            .add("id", id())
            .add("customer", customerId())
            .add("currency", currencyCode())
            .add("total", orderTotal())
            .add("tax", taxTotal())
            .add("discount", discountTotal())
            .add("processedAt", processedAt())
            .add("status", financialStatus())
            .add("lines", Integer.toString(lines().size()));
    for (OrderLine line : lines()) {
      line.writeTo(c);
    }
    return c.fingerprint();
  }

  @Value.Check
  void check() {
    orderId(entityType(), qboId());
  }

  /**
   * Starts a builder; all values except tax, discount, processedAt and lines are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OrderRecord}. */
  public static final class Builder extends ImmutableOrderRecord.Builder {
    Builder() {}
  }
}
