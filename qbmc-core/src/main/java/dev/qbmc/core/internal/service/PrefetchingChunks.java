package dev.qbmc.core.internal.service;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a QBO query's rows in chunks on a background thread, one chunk ahead of the consumer, so
 * that reading chunk k+1 from QuickBooks overlaps writing chunk k to Mailchimp. At most two chunks
 * are in memory (the one being written and the one read ahead). A read failure is thrown to the
 * consumer; closing stops the reader. This is {@link PhasedChunks} with a single query.
 *
 * @param <T> the row type
 */
final class PrefetchingChunks<T> implements Iterator<List<T>>, AutoCloseable {
  private final PhasedChunks.Source<T> source;
  private final PhasedChunks chunks;

  PrefetchingChunks(Stream<T> rows, int chunkSize) {
    source = new PhasedChunks.Source<>(0, () -> rows);
    chunks = new PhasedChunks(List.of(source), chunkSize);
  }

  @Override
  public boolean hasNext() {
    return chunks.hasNext();
  }

  @Override
  public List<T> next() {
    return chunks.next().rows(source);
  }

  @Override
  public void close() {
    chunks.close();
  }
}
