package dev.qbmc.quickbooks;

import dev.qbmc.quickbooks.internal.QueryPage;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The rows of a query in ascending Id order, read with several pages in flight (see {@link
 * Paging#parallel(int)}). Page {@code k > 0} starts at the last row of page {@code k - 1}
 * ({@code STARTPOSITION 1 + k * (pageSize - 1)}). Each page lists every row of its Id range as of
 * its own request, so while a page starts at or before the highest Id handed out so far, the pages
 * cover the Ids without a hole, whatever happened between their requests. When a page starts after
 * it (rows before it were deleted, so rows moved back across the boundary) or is empty, the rows in
 * between are read by {@code Id > last AND Id < first}, one keyset page after the other. Rows whose
 * Id was already handed out (rows moved forward) are dropped. The read ends at the first short page,
 * whose request saw the end of the rows.
 *
 * <p>Pages are fetched and parsed on a pool of {@code pagesInFlight} daemon threads owned by this
 * read; the client's limiter still caps requests per realm. Not thread-safe: one consumer.
 *
 * @param <T> the model type
 */
final class ParallelPager<T> implements Iterator<T>, AutoCloseable {
  /** Idle threads of an abandoned read end after this many seconds. */
  private static final long IDLE_SECONDS = 5;

  /** Fetches one page of a query; the client's own fetch, with retries and the limiter. */
  @FunctionalInterface
  interface PageSource<T> {
    QueryPage<T> fetch(Query<T> query, int startPosition);
  }

  /** Counts a query's rows; the client's own {@code COUNT(*)}. */
  @FunctionalInterface
  interface RowCounter {
    long count(Query<?> query);
  }

  /** Full pages consumed before a {@link Paging#countingRows()} read asks for its count. */
  private static final int FULL_PAGES_BEFORE_COUNT = 2;

  private final Query<T> query;
  private final PageSource<T> source;
  private final int pageSize;
  private final int window;
  /** Index of the last page the row count announces (0 without a count). */
  private long expectedLast;
  private final RowCounter counter;
  /** A counting read whose count is not known yet: it reads one page after the other. */
  private boolean awaitingCount;
  private Future<Long> count;
  /** Full pages consumed so far. */
  private long fullConsumed;
  private final ThreadPoolExecutor pool;
  private final ArrayDeque<Future<QueryPage<T>>> inFlight = new ArrayDeque<>();
  private final ArrayDeque<T> ready = new ArrayDeque<>();
  private long nextToRequest;
  private long nextToConsume;
  /** Full pages consumed at or past {@link #expectedLast}: each lets two more pages be requested. */
  private long fullPastExpected;
  /** The highest Id handed out: every row up to it (as of its page's request) has been read. */
  private String lastHandedOut;
  /** While a hole between two pages is being read: the Id after which it starts, else null. */
  private String holeAfter;
  /** The Id the hole ends before, null when it runs to the end of the rows. */
  private String holeBefore;
  /** The page after the hole, handed out once the hole is read. */
  private List<T> afterHole;
  private boolean endAfterHole;
  /** A short page was consumed: no page past it is requested. */
  private boolean lastPageSeen;
  private boolean finished;

  ParallelPager(Query<T> query, Paging paging, PageSource<T> source, RowCounter counter) {
    if (!paging.isParallel()) {
      throw new IllegalArgumentException("not parallel paging: " + paging);
    }
    if (query.pageSize() < 2) {
      throw new IllegalArgumentException("parallel paging needs a page size of at least 2");
    }
    this.query = query.inIdOrder();
    this.source = source;
    this.counter = counter;
    this.awaitingCount = paging.countsRows();
    this.pageSize = query.pageSize();
    this.window = paging.pagesInFlight();
    this.expectedLast = paging.expectedRows().isPresent()
        ? lastPageIndex(paging.expectedRows().getAsLong(), pageSize)
        : 0;
    String name = "qbmc-qbo-pages-" + query.entityType().name();
    this.pool = new ThreadPoolExecutor(window, window, IDLE_SECONDS, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), runnable -> {
          Thread thread = new Thread(runnable, name);
          thread.setDaemon(true);
          return thread;
        });
    pool.allowCoreThreadTimeOut(true);
  }

  /**
   * Index of the short page that ends a read of {@code rows} unchanged rows.
   *
   * @param rows the row count
   * @param pageSize rows per page, at least 2
   * @return 0 for fewer than {@code pageSize} rows
   */
  static long lastPageIndex(long rows, int pageSize) {
    return Math.max(1, (rows + pageSize - 2) / (pageSize - 1)) - 1;
  }

  /**
   * The 1-based position of page {@code index}: one row of overlap with the page before.
   *
   * @param index the page index
   * @param pageSize rows per page
   * @return the start position
   */
  static int startPosition(long index, int pageSize) {
    return Math.toIntExact(1 + index * (pageSize - 1));
  }

  @Override
  public boolean hasNext() {
    while (ready.isEmpty() && !finished) {
      step();
    }
    return !ready.isEmpty();
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return ready.poll();
  }

  private void step() {
    if (holeAfter != null) {
      readHolePage();
      return;
    }
    request();
    QueryPage<T> page = await(inFlight.poll());
    List<T> rows = page.items();
    long index = nextToConsume++;
    boolean full = page.rows() >= pageSize;
    String first = firstId(rows);
    if (index > 0 && (first == null || compareIds(first, lastHandedOut) > 0)) {
      holeAfter = lastHandedOut;
      holeBefore = first;
      afterHole = rows;
      endAfterHole = !full;
      if (!full) {
        lastPageSeen = true;
        cancelInFlight();
      }
    } else {
      handOut(rows);
      if (!full) {
        finish();
      }
    }
    if (full) {
      fullConsumed++;
      if (index >= expectedLast) {
        fullPastExpected++;
      }
      askCount();
      request();
    }
  }

  /** A counting read asks for its count once enough full pages came back. */
  private void askCount() {
    if (awaitingCount && count == null && !finished && fullConsumed >= FULL_PAGES_BEFORE_COUNT) {
      count = pool.submit(() -> counter.count(query));
    }
  }

  /** Takes the count once it has answered: from then on, the pages it announces go out together. */
  private void takeCount() {
    if (!awaitingCount || count == null || !count.isDone()) {
      return;
    }
    awaitingCount = false;
    try {
      expectedLast = lastPageIndex(count.get(), pageSize);
    } catch (ExecutionException | CancellationException e) {
      expectedLast = 0; // no count: the read goes on as one without it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      expectedLast = 0;
    }
    count = null;
    fullPastExpected = Math.max(0, nextToConsume - expectedLast);
  }

  /**
   * The last page index that may be requested: while a count is awaited, the page after the last
   * full one; else the announced pages, and two more for every full page past them.
   */
  private long horizon() {
    takeCount();
    if (awaitingCount) {
      return fullConsumed;
    }
    return Math.max(fullConsumed, expectedLast + 2 * fullPastExpected);
  }

  /** Reads the next keyset page of a hole between two pages; hands out the later page once done. */
  private void readHolePage() {
    Query<T> between = query.where("Id", Query.Operator.GREATER_THAN, holeAfter);
    if (holeBefore != null) {
      between = between.where("Id", Query.Operator.LESS_THAN, holeBefore);
    }
    QueryPage<T> page = source.fetch(between, 1);
    handOut(page.items());
    if (page.rows() >= pageSize) {
      holeAfter = lastHandedOut;
      return;
    }
    holeAfter = null;
    handOut(afterHole);
    afterHole = null;
    if (endAfterHole) {
      finish();
    }
  }

  /** Requests pages up to the window, but none past what the count or the full pages so far allow. */
  private void request() {
    long horizon = horizon();
    while (!finished && !lastPageSeen && inFlight.size() < window && nextToRequest <= horizon) {
      int start = startPosition(nextToRequest++, pageSize);
      inFlight.add(pool.submit(() -> source.fetch(query, start)));
    }
  }

  /**
   * Hands out the rows past the highest Id so far; a row without a usable Id cannot be ordered and
   * is handed out as it comes (its reader reports it as malformed, it does not vanish).
   */
  private void handOut(List<T> rows) {
    for (T row : rows) {
      String id = idOf(row);
      if (id == null || id.isBlank()) {
        ready.add(row);
      } else if (lastHandedOut == null || compareIds(id, lastHandedOut) > 0) {
        ready.add(row);
        lastHandedOut = id;
      }
    }
  }

  /** The Id of the first row that has one, or null. */
  private String firstId(List<T> rows) {
    for (T row : rows) {
      String id = idOf(row);
      if (id != null && !id.isBlank()) {
        return id;
      }
    }
    return null;
  }

  private String idOf(T row) {
    return query.entityType().idOf(row);
  }

  /**
   * Orders QBO Ids as QBO's {@code ORDERBY Id} does: numerically when both are digits, else as text.
   *
   * @param a an Id
   * @param b another Id
   * @return negative, zero or positive
   */
  static int compareIds(String a, String b) {
    if (isDigits(a) && isDigits(b)) {
      String x = stripLeadingZeros(a);
      String y = stripLeadingZeros(b);
      return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }
    return a.compareTo(b);
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static String stripLeadingZeros(String s) {
    int i = 0;
    while (i < s.length() - 1 && s.charAt(i) == '0') {
      i++;
    }
    return s.substring(i);
  }

  private QueryPage<T> await(Future<QueryPage<T>> page) {
    try {
      return page.get();
    } catch (InterruptedException e) {
      finish();
      Thread.currentThread().interrupt();
      throw new QuickBooksTransportException("Interrupted while waiting for a page of " + query.entityType(), e);
    } catch (CancellationException e) {
      finish();
      throw new QuickBooksTransportException("The read of " + query.entityType() + " was closed", e);
    } catch (ExecutionException e) {
      finish();
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new QuickBooksTransportException("Reading a page of " + query.entityType() + " failed", cause);
    }
  }

  private void finish() {
    finished = true;
    cancelInFlight();
    pool.shutdownNow();
  }

  private void cancelInFlight() {
    inFlight.forEach(f -> f.cancel(true));
    inFlight.clear();
    if (count != null) {
      count.cancel(true);
      count = null;
    }
  }

  /** Stops the read: pages in flight are cancelled and the threads end. */
  @Override
  public void close() {
    finish();
    ready.clear();
    afterHole = null;
    holeAfter = null;
  }
}
