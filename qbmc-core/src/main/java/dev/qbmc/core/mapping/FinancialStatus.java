package dev.qbmc.core.mapping;

/** The {@code financial_status} of an e-commerce order. */
public enum FinancialStatus {
  /** The QBO balance is zero. */
  PAID,
  /** The QBO balance is not zero. */
  PENDING,
  /** The QBO transaction was voided. */
  CANCELLED;

  /**
   * The value Mailchimp expects.
   *
   * @return {@code paid}, {@code pending} or {@code cancelled}
   */
  public String apiValue() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
