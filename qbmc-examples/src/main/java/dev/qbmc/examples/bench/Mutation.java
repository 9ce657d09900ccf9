package dev.qbmc.examples.bench;

/** What {@link Simulators#mutate()} changed in the QBO company. */
record Mutation(long customers, long invoices, long receipts) {

  long total() {
    return customers + invoices + receipts;
  }
}
