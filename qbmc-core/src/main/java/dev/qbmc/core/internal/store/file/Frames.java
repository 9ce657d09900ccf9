package dev.qbmc.core.internal.store.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The frame format of the state files (snapshot and journal), version 2.
 *
 * <p>A file starts with the 8-byte header {@code "qbmcSF2\n"}; then frames follow, each {@code int
 * magic (0xFB7146C9), int length, int crc32(length bytes and payload), payload}, big-endian. The
 * magic lets a reader find the next frame after a damaged one (resynchronise); the CRC covers the
 * length, so a flipped bit there is caught like one in the payload. A length is only believed when
 * it is at most {@link #MAX_PAYLOAD} and within the file, so a garbage length never allocates.
 *
 * <p>Files written before version 2 (no header) hold frames {@code int length, int crc32(payload),
 * payload}; they are read (with the old rule: the first bad frame ends the file) and rewritten in
 * version 2 when the store opens them for writing.
 */
public final class Frames {

  /** The file header of version 2. */
  static final byte[] HEADER = "qbmcSF2\n".getBytes(StandardCharsets.US_ASCII);
  /** The frame magic. */
  static final int MAGIC = 0xFB7146C9;
  /** Frame header bytes (magic, length, CRC). */
  static final int FRAME_HEADER = 12;
  /** The largest payload of a frame: 64 MiB (a commit of some 300,000 states). */
  public static final int MAX_PAYLOAD = 64 * 1024 * 1024;

  private Frames() {}

  /**
   * Encodes a frame.
   *
   * @param payload the payload
   * @return the frame, ready to write
   * @throws IllegalArgumentException if the payload exceeds {@link #MAX_PAYLOAD}
   */
  static ByteBuffer frame(byte[] payload, int length) {
    if (length > MAX_PAYLOAD) {
      throw new IllegalArgumentException("a state frame of " + length + " bytes exceeds the limit of "
          + MAX_PAYLOAD + " bytes; commit fewer states at once");
    }
    ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER + length);
    frame.putInt(MAGIC).putInt(length).putInt(crc(length, payload, length)).put(payload, 0, length).flip();
    return frame;
  }

  static int crc(int length, byte[] payload, int payloadLength) {
    CRC32 crc = new CRC32();
    crc.update(ByteBuffer.allocate(4).putInt(length).array());
    crc.update(payload, 0, payloadLength);
    return (int) crc.getValue();
  }

  /**
   * The format of a file: version 2 when it starts with the header (or is empty), legacy when it
   * has neither the header nor a frame magic after 8 bytes.
   *
   * @param ch the file
   * @return true for version 2
   * @throws IOException on failure
   */
  static boolean isVersion2(FileChannel ch) throws IOException {
    long size = ch.size();
    if (size == 0) {
      return true;
    }
    ByteBuffer head = ByteBuffer.allocate(12);
    readFully(ch, head, 0);
    head.flip();
    if (head.remaining() >= 8 && java.util.Arrays.equals(java.util.Arrays.copyOf(head.array(), 8), HEADER)) {
      return true;
    }
    // A damaged header in front of version-2 frames must not make the file read as legacy.
    return head.remaining() >= 12 && head.getInt(8) == MAGIC;
  }

  /** Reads as many bytes as the buffer holds or the file has from {@code at}. */
  static void readFully(FileChannel ch, ByteBuffer dst, long at) throws IOException {
    long pos = at;
    while (dst.hasRemaining()) {
      int n = ch.read(dst, pos);
      if (n < 0) {
        return;
      }
      pos += n;
    }
  }

  /** Writes a whole buffer at the channel's position. */
  static void writeFully(FileChannel ch, ByteBuffer src) throws IOException {
    while (src.hasRemaining()) {
      ch.write(src);
    }
  }

  /**
   * Reads the version-2 frame at {@code at}, if there is a valid one.
   *
   * @param ch the file
   * @param at the offset
   * @param size the file size
   * @return the payload, or null when no valid frame starts there
   * @throws IOException on failure
   */
  static byte[] frameAt(FileChannel ch, long at, long size) throws IOException {
    if (size - at < FRAME_HEADER) {
      return null;
    }
    ByteBuffer head = ByteBuffer.allocate(FRAME_HEADER);
    readFully(ch, head, at);
    if (head.getInt(0) != MAGIC) {
      return null;
    }
    int length = head.getInt(4);
    if (length < 5 || length > MAX_PAYLOAD || length > size - at - FRAME_HEADER) {
      return null; // a garbage length: never allocated
    }
    byte[] payload = new byte[length];
    readFully(ch, ByteBuffer.wrap(payload), at + FRAME_HEADER);
    return crc(length, payload, length) == head.getInt(8) ? payload : null;
  }

  /**
   * Reads the legacy frame at {@code at}, if there is a valid one.
   *
   * @param ch the file
   * @param at the offset
   * @param size the file size
   * @return the payload, or null
   * @throws IOException on failure
   */
  static byte[] legacyFrameAt(FileChannel ch, long at, long size) throws IOException {
    if (size - at < 8) {
      return null;
    }
    ByteBuffer head = ByteBuffer.allocate(8);
    readFully(ch, head, at);
    int length = head.getInt(0);
    if (length < 5 || length > MAX_PAYLOAD || length > size - at - 8) {
      return null;
    }
    byte[] payload = new byte[length];
    readFully(ch, ByteBuffer.wrap(payload), at + 8);
    CRC32 crc = new CRC32();
    crc.update(payload);
    return (int) crc.getValue() == head.getInt(4) ? payload : null;
  }

  /**
   * Finds the next offset after {@code from} where a frame magic starts.
   *
   * @param ch the file
   * @param from the first offset to look at
   * @param size the file size
   * @return the offset, or -1
   * @throws IOException on failure
   */
  static long nextMagic(FileChannel ch, long from, long size) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    long base = from;
    while (base + 4 <= size) {
      buf.clear();
      readFully(ch, buf, base);
      int n = buf.position();
      for (int i = 0; i + 4 <= n; i++) {
        if (buf.getInt(i) == MAGIC) {
          return base + i;
        }
      }
      base += Math.max(1, n - 3);
    }
    return -1;
  }
}
