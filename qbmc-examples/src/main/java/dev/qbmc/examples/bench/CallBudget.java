package dev.qbmc.examples.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The fewest calls a sync can make given the APIs' batch sizes, and the shortest wall time the
 * APIs' limits allow for those calls at the configured latency, each with its arithmetic.
 *
 * <p>Minimum calls:
 * <ul>
 *   <li>QBO, full read: one query page per 1000 rows per entity (QBO's {@code MAXRESULTS} cap);
 *       incremental: one Change Data Capture call for all four entities while every entity has at
 *       most 1000 changes (CDC's cap), else one {@code LastUpdatedTime}-filtered query page per 1000
 *       changed rows per entity.</li>
 *   <li>Mailchimp: one batch subscribe per 500 new members (its cap); plus, at its best, the
 *       e-commerce path: every other write (import tag of each new member, changed-member PUTs,
 *       e-commerce customers, products, orders) goes through {@code /batches}, where one batch costs
 *       3 calls (1 submit + 1 status poll + 1 results download); Mailchimp documents no cap on
 *       operations per batch, so a batch is taken to hold the writes of up to {@code chunkSize} QBO
 *       records (the services' unit of work); orders must be written after the customers and
 *       products they name, so there are two waves: (items + customers) and (transactions). A wave
 *       of fewer than 3 operations is cheaper as direct calls (1 call each). A first (full) sync
 *       also flags the store {@code is_syncing} and clears it: 2 calls.</li>
 * </ul>
 *
 * <p>Wall-time bound: QBO {@code max(Q x latency / inFlight, floor((Q - 1) / perMinute) x 60 s +
 * latency)}; Mailchimp {@code M x latency / connections}; the bound is the larger of the two (the
 * two APIs could be called in parallel).
 */
record CallBudget(long qboMinimum, String qboArithmetic, long mailchimpMinimum, String mailchimpArithmetic,
    Duration qboBound, String qboBoundArithmetic, Duration mailchimpBound, String mailchimpBoundArithmetic) {

  static final int QBO_PAGE = 1000;
  static final int CDC_CAP = 1000;
  static final int BATCH_SUBSCRIBE = 500;
  static final int CALLS_PER_BATCH = 3;

  /** What one sync wrote, per kind, taken from its report. */
  record Written(long newMembers, long changedMembers, long customers, long items, long transactions) {
  }

  Duration bound() {
    return qboBound.compareTo(mailchimpBound) >= 0 ? qboBound : mailchimpBound;
  }

  static CallBudget fullRead(CompanySize size, Written written, int chunkSize, boolean firstSync, SimSettings limits) {
    long[] rows = {size.customers(), size.items(), size.liveInvoices(), size.liveReceipts()};
    String[] names = {"customers", "items", "invoices", "receipts"};
    long qbo = 0;
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      long pages = ceil(rows[i], QBO_PAGE);
      qbo += pages;
      parts.add(String.format("ceil(%,d %s/1000)=%d", rows[i], names[i], pages));
    }
    return finish(qbo, String.join(" + ", parts), written, chunkSize, firstSync, limits);
  }

  static CallBudget incremental(Mutation changes, Written written, int chunkSize, SimSettings limits) {
    long[] changed = {changes.customers(), changes.invoices(), changes.receipts()};
    boolean fitsCdc = changes.customers() <= CDC_CAP && changes.invoices() <= CDC_CAP && changes.receipts() <= CDC_CAP;
    long qbo;
    String arithmetic;
    if (fitsCdc) {
      qbo = 1;
      arithmetic = "1 CDC call (every entity has <= 1000 changes)";
    } else {
      qbo = 0;
      List<String> parts = new ArrayList<>();
      String[] names = {"customers", "invoices", "receipts"};
      for (int i = 0; i < changed.length; i++) {
        long pages = Math.max(1, ceil(changed[i], QBO_PAGE));
        qbo += pages;
        parts.add(String.format("ceil(%,d changed %s/1000)=%d", changed[i], names[i], pages));
      }
      arithmetic = "more than 1000 changes of one entity exceed CDC: LastUpdatedTime queries "
          + String.join(" + ", parts);
    }
    return finish(qbo, arithmetic, written, chunkSize, false, limits);
  }

  private static CallBudget finish(long qbo, String qboArithmetic, Written w, int chunkSize, boolean firstSync,
      SimSettings limits) {
    long subscribe = ceil(w.newMembers(), BATCH_SUBSCRIBE);
    long waveOneRecords = Math.max(w.customers(), w.newMembers() + w.changedMembers()) + w.items();
    long waveOneOps = w.newMembers() + w.changedMembers() + w.customers() + w.items();
    long waveOne = wave(waveOneOps, waveOneRecords, chunkSize);
    long waveTwo = wave(w.transactions(), w.transactions(), chunkSize);
    long flags = firstSync ? 2 : 0;
    long mailchimp = subscribe + waveOne + waveTwo + flags;
    String mcArithmetic = String.format(
        "ceil(%,d new members/500)=%d batch-subscribe + wave 1 (%,d tag/member/customer/product writes of %,d records): %s"
            + " + wave 2 (%,d order writes): %s%s",
        w.newMembers(), subscribe, waveOneOps, waveOneRecords, waveText(waveOneOps, waveOneRecords, chunkSize),
        w.transactions(), waveText(w.transactions(), w.transactions(), chunkSize),
        firstSync ? " + 2 store is_syncing flags" : "");
    long latencyMs = limits.latency().toMillis();
    long concurrency = qbo * latencyMs / limits.qboInFlight();
    long rate = qbo == 0 ? 0 : (qbo - 1) / limits.qboPerMinute() * 60_000 + latencyMs;
    Duration qboBound = Duration.ofMillis(Math.max(concurrency, rate));
    String qboBoundText = String.format("max(%d calls x %d ms / %d in flight = %.2f s, floor((%d-1)/%d) x 60 s + %d ms"
        + " = %.2f s) = %.2f s", qbo, latencyMs, limits.qboInFlight(), concurrency / 1000.0, qbo,
        limits.qboPerMinute(), latencyMs, rate / 1000.0, qboBound.toMillis() / 1000.0);
    Duration mcBound = Duration.ofMillis(mailchimp * latencyMs / limits.mailchimpConnections());
    String mcBoundText = String.format("%d calls x %d ms / %d connections = %.2f s", mailchimp, latencyMs,
        limits.mailchimpConnections(), mcBound.toMillis() / 1000.0);
    return new CallBudget(qbo, qboArithmetic + " = " + qbo, mailchimp, mcArithmetic + " = " + mailchimp, qboBound,
        qboBoundText, mcBound, mcBoundText);
  }

  private static long wave(long ops, long records, int chunkSize) {
    if (ops == 0) {
      return 0;
    }
    return Math.min(ops, CALLS_PER_BATCH * ceil(records, chunkSize));
  }

  private static String waveText(long ops, long records, int chunkSize) {
    if (ops == 0) {
      return "0";
    }
    long batched = CALLS_PER_BATCH * ceil(records, chunkSize);
    return ops < batched ? ops + " direct calls" : String.format("3 x ceil(%,d/%,d)=%d", records, chunkSize, batched);
  }

  static long ceil(long a, long b) {
    return a == 0 ? 0 : (a + b - 1) / b;
  }
}
