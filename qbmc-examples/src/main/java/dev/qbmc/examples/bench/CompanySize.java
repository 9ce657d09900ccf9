package dev.qbmc.examples.bench;

import dev.qbmc.examples.sim.quickbooks.GeneratedCompany;

/** The size of a generated QBO company. */
record CompanySize(long customers, long items, long invoices, long receipts) {

  CompanySize {
    if (customers < 1 || items < 3 || invoices < 0 || receipts < 0) {
      throw new IllegalArgumentException("a company needs at least 1 customer and 3 items, and no negative counts");
    }
  }

  GeneratedCompany company() {
    return GeneratedCompany.builder().customers(customers).items(items).invoices(invoices).salesReceipts(receipts)
        .build();
  }

  /** Invoices that exist (the generator leaves a gap for every id % 40 == 17). */
  long liveInvoices() {
    return live(invoices);
  }

  /** Sales receipts that exist. */
  long liveReceipts() {
    return live(receipts);
  }

  long records() {
    return customers + items + liveInvoices() + liveReceipts();
  }

  private static long live(long ids) {
    long gaps = ids >= 17 ? (ids - 17) / 40 + 1 : 0;
    return ids - gaps;
  }

  @Override
  public String toString() {
    return String.format("%,d customers, %,d items, %,d invoices, %,d receipts", customers, items, invoices, receipts);
  }
}
