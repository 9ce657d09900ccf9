package dev.qbmc.quickbooks;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * How {@link QuickBooksClient#query(Query, Paging)} pages through a query: {@linkplain #sequential()
 * one page after the other} (what {@link QuickBooksClient#query(Query)} does), or {@linkplain
 * #parallel(int) several pages in flight} in {@code Id} order. Immutable.
 *
 * <pre>{@code
 * long invoices = qbo.count(query);
 * try (Stream<Invoice> rows = qbo.query(query, Paging.parallel(4).expectedRows(invoices))) {
 *   rows.forEach(...);
 * }
 * }</pre>
 */
public final class Paging {
  /**
   * The most pages a parallel read keeps in flight: QBO's per-realm limit on concurrent requests,
   * beyond which more pages would only wait in the client's limiter (and take memory).
   */
  public static final int MAX_PAGES_IN_FLIGHT = 10;

  private static final Paging SEQUENTIAL = new Paging(false, 1, -1, false);

  private final boolean parallel;
  private final int pagesInFlight;
  private final long expectedRows;
  private final boolean countsRows;

  private Paging(boolean parallel, int pagesInFlight, long expectedRows, boolean countsRows) {
    this.parallel = parallel;
    this.pagesInFlight = pagesInFlight;
    this.expectedRows = expectedRows;
    this.countsRows = countsRows;
  }

  /**
   * One page after the other on the caller's thread, for any {@code ORDERBY}, stopping at the first
   * short page. A row deleted during the read shifts the later rows one position back, so the row
   * that crosses a page boundary is missed; a row added before the read position is read twice.
   *
   * @return sequential paging
   */
  public static Paging sequential() {
    return SEQUENTIAL;
  }

  /**
   * Up to {@code pagesInFlight} pages requested at once (still within the client's limits of 10
   * requests in flight and 500 a minute per realm), parsed on background threads and handed out in
   * order. The query is read in ascending {@code Id} order (an unordered query gets {@code ORDERBY
   * Id}; another order is refused). Each page after the first starts at the previous page's last
   * row, so a page that does not start with that row shows that rows moved: the rows between the
   * two pages are then read by {@code Id} range, and rows seen twice are handed out once. Every row
   * that exists for the whole read is handed out exactly once, in {@code Id} order, whatever is
   * added or deleted meanwhile; rows added or deleted during the read may or may not be.
   *
   * <p>Memory: at most {@code pagesInFlight} parsed pages wait, plus the one being handed out. The
   * pages overlap by one row, so a read of {@code n} rows takes {@code max(1, floor((n + pageSize -
   * 2) / (pageSize - 1)))} requests where sequential paging takes {@code floor(n / pageSize) + 1}:
   * about one more per thousand pages of 1,000 rows (1,002 instead of 1,001 for a million rows). The
   * page size must be at least 2.
   *
   * @param pagesInFlight 1 to {@value #MAX_PAGES_IN_FLIGHT}
   * @return parallel paging without a row count (pages past the first are requested as full ones
   *     come back: 2, then 3, up to {@code pagesInFlight} at once)
   * @throws IllegalArgumentException when out of range
   */
  public static Paging parallel(int pagesInFlight) {
    if (pagesInFlight < 1 || pagesInFlight > MAX_PAGES_IN_FLIGHT) {
      throw new IllegalArgumentException(
          "pagesInFlight must be 1.." + MAX_PAGES_IN_FLIGHT + ", was " + pagesInFlight);
    }
    return new Paging(true, pagesInFlight, -1, false);
  }

  /**
   * The number of rows the read is expected to find (a {@link QuickBooksClient#count(Query)} taken
   * just before): the pages it announces are requested {@code pagesInFlight} at a time from the
   * start, and none past them, so a read whose count is right requests no page it does not need.
   * When more rows come, the read goes on past the announced pages; when fewer, it stops at the
   * first short page.
   *
   * @param rows zero or more
   * @return a copy with the hint (and without {@link #countingRows()})
   * @throws IllegalArgumentException when negative
   * @throws IllegalStateException on {@link #sequential()} paging, which has no use for it
   */
  public Paging expectedRows(long rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("expectedRows must be >= 0, was " + rows);
    }
    if (!parallel) {
      throw new IllegalStateException("expectedRows applies to parallel paging only");
    }
    return new Paging(true, pagesInFlight, rows, false);
  }

  /**
   * The read takes its row count itself, and only when it pays: the first two pages are requested
   * one after the other; when both come back full, one {@code SELECT COUNT(*)} of the query goes
   * out with the third page, and once it answers the pages it announces are requested {@code
   * pagesInFlight} at a time, as with {@link #expectedRows(long)}. A read of one or two pages makes
   * no count and requests no page past its end; a longer one makes one count. If the count fails,
   * the read goes on as one without a count.
   *
   * @return a copy that counts (and without an {@link #expectedRows(long)} hint)
   * @throws IllegalStateException on {@link #sequential()} paging, which has no use for it
   */
  public Paging countingRows() {
    if (!parallel) {
      throw new IllegalStateException("countingRows applies to parallel paging only");
    }
    return new Paging(true, pagesInFlight, -1, true);
  }

  /**
   * Whether the read takes its own row count once its first two pages are full.
   *
   * @return true after {@link #countingRows()}
   */
  public boolean countsRows() {
    return countsRows;
  }

  /**
   * Whether pages are read in parallel in Id order.
   *
   * @return false for {@link #sequential()}
   */
  public boolean isParallel() {
    return parallel;
  }

  /**
   * Pages requested at once.
   *
   * @return 1 for sequential paging
   */
  public int pagesInFlight() {
    return pagesInFlight;
  }

  /**
   * The row count hint.
   *
   * @return the expected rows, empty when not given
   */
  public OptionalLong expectedRows() {
    return expectedRows < 0 ? OptionalLong.empty() : OptionalLong.of(expectedRows);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Paging p
        && p.parallel == parallel
        && p.pagesInFlight == pagesInFlight
        && p.expectedRows == expectedRows
        && p.countsRows == countsRows;
  }

  @Override
  public int hashCode() {
    return Objects.hash(parallel, pagesInFlight, expectedRows, countsRows);
  }

  @Override
  public String toString() {
    if (!parallel) {
      return "Paging{sequential}";
    }
    return "Paging{parallel, pagesInFlight=" + pagesInFlight
        + (expectedRows < 0 ? "" : ", expectedRows=" + expectedRows)
        + (countsRows ? ", countingRows" : "") + "}";
  }
}
