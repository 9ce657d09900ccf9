package dev.qbmc.core.internal.service;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reads a QBO query's rows in chunks on a background thread, one chunk ahead of the consumer, so
 * that reading chunk k+1 from QuickBooks overlaps writing chunk k to Mailchimp. At most two chunks
 * are in memory (the one being written and the one read ahead). A read failure is thrown to the
 * consumer; closing stops the reader.
 *
 * @param <T> the row type
 */
final class PrefetchingChunks<T> implements Iterator<List<T>>, AutoCloseable {
  private static final Object END = new Object();

  private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(1);
  private final Thread reader;
  private volatile boolean closed;
  private Object next;

  PrefetchingChunks(Stream<T> rows, int chunkSize) {
    reader = new Thread(() -> read(rows, chunkSize), "qbmc-qbo-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void read(Stream<T> rows, int chunkSize) {
    try (rows) {
      Iterator<T> source = rows.iterator();
      List<T> chunk = new ArrayList<>(Math.min(chunkSize, 1024));
      while (!closed && source.hasNext()) {
        chunk.add(source.next());
        if (chunk.size() == chunkSize) {
          put(chunk);
          chunk = new ArrayList<>(Math.min(chunkSize, 1024));
        }
      }
      if (!chunk.isEmpty()) {
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
  @SuppressWarnings("unchecked")
  public List<T> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    List<T> chunk = (List<T>) next;
    next = null;
    return chunk;
  }

  @Override
  public void close() {
    closed = true;
    reader.interrupt();
  }
}
