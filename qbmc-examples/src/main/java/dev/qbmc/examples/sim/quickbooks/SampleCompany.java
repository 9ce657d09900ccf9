package dev.qbmc.examples.sim.quickbooks;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo company: a small {@link GeneratedCompany} (seed 7) with 60 customers, 24 items,
 * 160 invoice ids and 80 sales receipt ids. It contains every case the sync must handle: customers
 * without email, with a role-based email ({@code admin@...}), an incomplete address, inactive,
 * several comma-separated emails, a name with an apostrophe and addresses the Mailchimp audience
 * already has as unsubscribed ({@link #unsubscribedEmails()}); a Category item, a Group item and
 * items with a Sku; invoices and receipts with group lines, percent discounts, tax, receipts
 * without customer, voided documents, and ids deleted before the simulator started.
 */
public final class SampleCompany {

  /** Number of customers. */
  public static final int CUSTOMERS = 60;
  /** Number of items. */
  public static final int ITEMS = 24;
  /** Number of invoice ids (some deleted). */
  public static final int INVOICES = 160;
  /** Number of sales receipt ids (some deleted). */
  public static final int SALES_RECEIPTS = 80;
  /** The generator seed. */
  public static final long SEED = 7;

  private SampleCompany() {
  }

  /**
   * Creates the demo company.
   *
   * @return the company data
   */
  public static GeneratedCompany create() {
    return GeneratedCompany.builder().seed(SEED).customers(CUSTOMERS).items(ITEMS).invoices(INVOICES)
        .salesReceipts(SALES_RECEIPTS).companyName("Craig's Design and Landscaping Services (simulated)").build();
  }

  /**
   * Customer ids of one kind.
   *
   * @param kind the kind
   * @return the ids in ascending order
   */
  public static List<String> customerIds(GeneratedCompany.CustomerKind kind) {
    List<String> ids = new ArrayList<>();
    for (long id = 1; id <= CUSTOMERS; id++) {
      if (GeneratedCompany.customerKind(id) == kind) {
        ids.add(Long.toString(id));
      }
    }
    return ids;
  }

  /**
   * Email addresses to pre-seed as {@code unsubscribed} in the Mailchimp audience.
   *
   * @return the addresses of the {@link GeneratedCompany.CustomerKind#UNSUBSCRIBED_IN_MAILCHIMP} customers
   */
  public static List<String> unsubscribedEmails() {
    GeneratedCompany company = create();
    List<String> emails = new ArrayList<>();
    for (String id : customerIds(GeneratedCompany.CustomerKind.UNSUBSCRIBED_IN_MAILCHIMP)) {
      company.customerEmail(Long.parseLong(id)).ifPresent(emails::add);
    }
    return emails;
  }
}
