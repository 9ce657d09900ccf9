package dev.qbmc.core.internal.service;

import dev.qbmc.quickbooks.Query;
import dev.qbmc.quickbooks.QuickBooksClient;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The rows of a query whose row count is known, fetched a few pages at a time in parallel and
 * handed out in order. QBO serves one page per request, so reading pages one after the other makes
 * the latency of every page add up; the QBO client's limiter still caps requests in flight and per
 * minute. The pages the count announced are fetched in parallel (at most {@code window} at once, so
 * memory stays at a few pages); after them, pages are fetched one by one until a short page, in
 * case rows were added since the count.
 *
 * @param <T> the row type
 */
final class ParallelPages<T> implements Iterator<List<T>>, AutoCloseable {
  private final QuickBooksClient qbo;
  private final Query<T> query;
  private final long plannedPages;
  private final int window;
  private final ExecutorService pool;
  private final ArrayDeque<Future<List<T>>> inFlight = new ArrayDeque<>();
  private long nextPage;
  private boolean lastWasFull = true;
  private List<T> ready;

  ParallelPages(QuickBooksClient qbo, Query<T> query, long rowCount, int window) {
    this.qbo = qbo;
    this.query = query;
    this.plannedPages = Math.max(1, (rowCount + query.pageSize() - 1) / query.pageSize());
    this.window = window;
    this.pool = Executors.newFixedThreadPool(window, runnable -> {
      Thread thread = new Thread(runnable, "qbmc-qbo-page");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** The rows as a lazy stream; closing the stream stops the fetching. */
  static <T> Stream<T> rows(QuickBooksClient qbo, Query<T> query, long rowCount, int window) {
    ParallelPages<T> pages = new ParallelPages<>(qbo, query, rowCount, window);
    Iterator<T> rows = new Iterator<>() {
      private Iterator<T> page = List.<T>of().iterator();

      @Override
      public boolean hasNext() {
        while (!page.hasNext() && pages.hasNext()) {
          page = pages.next().iterator();
        }
        return page.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return page.next();
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false)
        .onClose(pages::close);
  }

  private void fill() {
    while (inFlight.size() < window && nextPage < plannedPages) {
      int start = Math.toIntExact(nextPage * query.pageSize() + 1);
      inFlight.add(pool.submit(() -> qbo.queryPage(query, start)));
      nextPage++;
    }
  }

  @Override
  public boolean hasNext() {
    if (ready != null) {
      return true;
    }
    fill();
    if (inFlight.isEmpty()) {
      if (!lastWasFull) {
        return false;
      }
      ready = qbo.queryPage(query, Math.toIntExact(nextPage * query.pageSize() + 1));
      nextPage++;
    } else {
      ready = await(inFlight.poll());
    }
    lastWasFull = ready.size() >= query.pageSize();
    return !ready.isEmpty() || hasNextAfterEmpty();
  }

  /** An empty page inside the announced range (rows deleted since the count): look further. */
  private boolean hasNextAfterEmpty() {
    ready = null;
    return (!inFlight.isEmpty() || nextPage < plannedPages) && hasNext();
  }

  @Override
  public List<T> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    List<T> page = ready;
    ready = null;
    return page;
  }

  private static <T> List<T> await(Future<List<T>> page) {
    try {
      return page.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading from QuickBooks", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    inFlight.forEach(f -> f.cancel(true));
    pool.shutdownNow();
  }
}
