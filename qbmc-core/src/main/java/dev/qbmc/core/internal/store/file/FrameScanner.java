package dev.qbmc.core.internal.store.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Reads the frames of one state file in order and classifies what is not a valid frame:
 *
 * <ul>
 *   <li>a <b>torn tail</b>: no valid frame follows the first bad byte (a crash during an append);
 *       the frames before it are the file's content and the tail may be cut off;
 *   <li>a <b>damaged region</b>: a valid frame follows (found by its magic and checked by its CRC),
 *       so complete frames were damaged after they were written. A strict scan stops there with
 *       {@link CorruptFileException}; a recovering scan skips to the next valid frame and counts the
 *       frames lost (the magics in the region, at least one).
 * </ul>
 *
 * Legacy files (no magic) cannot be resynchronised: their first bad frame ends them, as before.
 */
final class FrameScanner {

  /** Receives each valid frame. */
  @FunctionalInterface
  interface FrameVisitor {
    void frame(long offset, byte[] payload) throws IOException;
  }

  /** What a scan found. */
  record Result(boolean version2, long frames, long end, long framesLost, long bytesLost) {
    /**
     * Whether the file ends in bytes that are not a frame.
     *
     * @param size the file size
     * @return true when there is a torn tail
     */
    boolean tornTail(long size) {
      return end < size;
    }
  }

  private FrameScanner() {}

  /**
   * Scans a file.
   *
   * @param file its path (for messages)
   * @param ch the open file
   * @param strict true to throw on a damaged region, false to skip it
   * @param visitor receives the valid frames
   * @return what was found; {@code end} is the offset after the last valid frame
   * @throws IOException on failure, or {@link CorruptFileException} in a strict scan
   */
  static Result scan(Path file, FileChannel ch, boolean strict, FrameVisitor visitor) throws IOException {
    long size = ch.size();
    if (!Frames.isVersion2(ch)) {
      long pos = 0;
      long frames = 0;
      byte[] payload;
      while ((payload = Frames.legacyFrameAt(ch, pos, size)) != null) {
        visitor.frame(pos + 8, payload);
        pos += 8 + payload.length;
        frames++;
      }
      return new Result(false, frames, pos, 0, 0);
    }
    long pos = Math.min(size, Frames.HEADER.length);
    long frames = 0;
    long lost = 0;
    long lostBytes = 0;
    long end = pos;
    while (pos < size) {
      byte[] payload = Frames.frameAt(ch, pos, size);
      if (payload != null) {
        visitor.frame(pos + Frames.FRAME_HEADER, payload);
        pos += Frames.FRAME_HEADER + payload.length;
        end = pos;
        frames++;
        continue;
      }
      long bad = pos;
      long magics = 0;
      long next = Frames.nextMagic(ch, bad + 1, size);
      while (next >= 0 && Frames.frameAt(ch, next, size) == null) {
        magics++;
        next = Frames.nextMagic(ch, next + 1, size);
      }
      if (next < 0) {
        break; // torn tail
      }
      if (strict) {
        throw new CorruptFileException(file, bad, "valid frames follow, so this is not a torn tail;"
            + " FileStore.recover keeps every valid frame");
      }
      long first = Frames.nextMagic(ch, bad, Math.min(size, bad + 4));
      lost += Math.max(1, magics + (first == bad ? 1 : 0));
      lostBytes += next - bad;
      pos = next;
    }
    return new Result(true, frames, end, lost, lostBytes);
  }
}
