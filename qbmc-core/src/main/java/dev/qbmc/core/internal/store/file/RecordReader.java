package dev.qbmc.core.internal.store.file;

import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Reads put records (see {@link Payloads}) at file offsets through a window buffer, so that records
 * read in offset order cost one read per window. Not thread-safe.
 */
final class RecordReader {

  private final FileChannel ch;
  private ByteBuffer window;
  private long windowStart = -1;
  private int windowLength;

  RecordReader(FileChannel ch, int windowSize) {
    this.ch = ch;
    this.window = ByteBuffer.allocate(windowSize);
  }

  /** Forgets the buffered bytes (after the file changed where they came from). */
  void invalidate() {
    windowStart = -1;
    windowLength = 0;
  }

  /** Makes {@code [at, at + n)} available in the window; returns its index there. */
  private int ensure(long at, int n) throws IOException {
    if (windowStart >= 0 && at >= windowStart && at + n <= windowStart + windowLength) {
      return (int) (at - windowStart);
    }
    if (n > window.capacity()) {
      if (n > Frames.MAX_PAYLOAD) {
        throw new IOException("a stored state claims " + n + " bytes");
      }
      window = ByteBuffer.allocate(n);
    }
    window.clear();
    Frames.readFully(ch, window, at);
    windowStart = at;
    windowLength = window.position();
    if (windowLength < n) {
      invalidate();
      throw new IOException("a stored state ends past the end of its file (offset " + at + ")");
    }
    return 0;
  }

  private int intAt(long at) throws IOException {
    int i = ensure(at, 4);
    int n = window.getInt(i);
    if (n < 0) {
      throw new IOException("a stored state has a negative length at offset " + at);
    }
    return n;
  }

  private String stringAt(long at, int n) throws IOException {
    int i = ensure(at, n);
    return new String(window.array(), i, n, StandardCharsets.UTF_8);
  }

  /**
   * Whether the record at {@code at} has this id (its kind is known from the index).
   *
   * @param at the record's offset
   * @param id the id
   * @return true when equal
   * @throws IOException on failure
   */
  boolean idEquals(long at, byte[] id) throws IOException {
    long p = at + 4 + intAt(at);
    int n = intAt(p);
    if (n != id.length) {
      return false;
    }
    int i = ensure(p + 4, n);
    return java.util.Arrays.equals(window.array(), i, i + n, id, 0, n);
  }

  /**
   * Reads the whole state at {@code at}.
   *
   * @param at the record's offset
   * @return the state
   * @throws IOException on failure
   */
  RecordState read(long at) throws IOException {
    long p = at;
    int n = intAt(p);
    String kind = stringAt(p + 4, n);
    p += 4 + n;
    n = intAt(p);
    String id = stringAt(p + 4, n);
    p += 4 + n;
    n = intAt(p);
    String fingerprint = stringAt(p + 4, n);
    p += 4 + n;
    byte flags = window.get(ensure(p, 1));
    p += 1;
    String mailchimpId = null;
    String memo = null;
    if ((flags & Payloads.HAS_MAILCHIMP_ID) != 0) {
      n = intAt(p);
      mailchimpId = stringAt(p + 4, n);
      p += 4 + n;
    }
    if ((flags & Payloads.HAS_MEMO) != 0) {
      n = intAt(p);
      memo = stringAt(p + 4, n);
    }
    try {
      return RecordState.of(RecordKey.of(Payloads.kind(kind), id), fingerprint, mailchimpId, memo);
    } catch (IllegalArgumentException e) {
      throw new IOException("a stored state at offset " + at + " does not read back", e);
    }
  }

  /**
   * The length in bytes of the record at {@code at}.
   *
   * @param at the record's offset
   * @return its length
   * @throws IOException on failure
   */
  int length(long at) throws IOException {
    long p = at;
    for (int s = 0; s < 3; s++) {
      p += 4 + intAt(p);
    }
    byte flags = window.get(ensure(p, 1));
    p += 1;
    if ((flags & Payloads.HAS_MAILCHIMP_ID) != 0) {
      p += 4 + intAt(p);
    }
    if ((flags & Payloads.HAS_MEMO) != 0) {
      p += 4 + intAt(p);
    }
    return Math.toIntExact(p - at);
  }

  /**
   * Copies {@code n} bytes from {@code at} into {@code out}.
   *
   * @param at the offset
   * @param n how many
   * @param out the destination
   * @throws IOException on failure
   */
  void copy(long at, int n, java.io.OutputStream out) throws IOException {
    int i = ensure(at, n);
    out.write(window.array(), i, n);
  }
}
