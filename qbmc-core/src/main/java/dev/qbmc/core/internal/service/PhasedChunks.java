package dev.qbmc.core.internal.service;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Reads several QBO queries one after the other on one background thread and cuts their rows into
 * chunks of up to {@code chunkSize} rows, one chunk ahead of the consumer: reading chunk k+1 overlaps
 * writing chunk k, across the queries too (the orders are read while the last customers are
 * written). A chunk may hold the rows of consecutive queries of the same wave (items with
 * customers, invoices with receipts), so that they share one Mailchimp batch; it never spans two
 * waves, because a later wave's records need the earlier wave's written first. At most two chunks
 * are in memory (the one being written and the one read ahead), plus what the queries' own paging
 * holds. A read failure is thrown to the consumer; closing stops the reader.
 */
final class PhasedChunks implements Iterator<PhasedChunks.Chunk>, AutoCloseable {
  private static final Object END = new Object();

  /**
   * One query of the read.
   *
   * @param wave the query's wave: a chunk holds rows of one wave only
   * @param rows opens the query's rows, on the reader's thread, when the queries before it are read
   * @param <T> the row type
   */
  record Source<T>(int wave, Supplier<Stream<T>> rows) {}

  /** Rows of one wave, per query. */
  static final class Chunk {
    private final int wave;
    private final Map<Source<?>, List<Object>> rows = new IdentityHashMap<>();
    private int size;

    private Chunk(int wave) {
      this.wave = wave;
    }

    /** The wave of every row of this chunk. */
    int wave() {
      return wave;
    }

    /** Rows in all. */
    int size() {
      return size;
    }

    /** The rows of one query, in the query's order; empty when the chunk has none of it. */
    @SuppressWarnings("unchecked")
    <T> List<T> rows(Source<T> source) {
      return (List<T>) (List<?>) rows.getOrDefault(source, List.of());
    }

    private void add(Source<?> source, Object row) {
      rows.computeIfAbsent(source, s -> new ArrayList<>()).add(row);
      size++;
    }
  }

  private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(1);
  private final Thread reader;
  private volatile boolean closed;
  private Object next;

  PhasedChunks(List<Source<?>> sources, int chunkSize) {
    List<Source<?>> all = List.copyOf(sources);
    reader = new Thread(() -> read(all, chunkSize), "qbmc-qbo-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void read(List<Source<?>> sources, int chunkSize) {
    try {
      Chunk chunk = null;
      for (Source<?> source : sources) {
        if (chunk != null && chunk.wave != source.wave()) {
          put(chunk);
          chunk = null;
        }
        try (Stream<?> rows = source.rows().get()) {
          Iterator<?> it = rows.iterator();
          while (!closed && it.hasNext()) {
            if (chunk == null) {
              chunk = new Chunk(source.wave());
            }
            chunk.add(source, it.next());
            if (chunk.size == chunkSize) {
              put(chunk);
              chunk = null;
            }
          }
        }
        if (closed) {
          return;
        }
      }
      if (chunk != null) {
        put(chunk);
      }
      put(END);
    } catch (RuntimeException | Error e) {
      put(e);
    }
  }

  private void put(Object item) {
    try {
      while (!closed && !ready.offer(item, 100, TimeUnit.MILLISECONDS)) {
        // the consumer is still writing the previous chunk
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      try {
        next = ready.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading from QuickBooks", e);
      }
    }
    if (next instanceof RuntimeException e) {
      throw e;
    }
    if (next instanceof Error e) {
      throw e;
    }
    return next != END;
  }

  @Override
  public Chunk next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Chunk chunk = (Chunk) next;
    next = null;
    return chunk;
  }

  @Override
  public void close() {
    closed = true;
    reader.interrupt();
  }
}
