package dev.qbmc.mailchimp.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads the regular files of a gzip-compressed tar archive (ustar, GNU long names, pax {@code path}
 * records; other pax and global headers are skipped) using the JDK only, as a stream: nothing is
 * allocated from the sizes an archive claims, each file is handed over as a stream bounded by its
 * size and by a per-file limit, and the whole decompressed archive is bounded too (a gzip bomb or a
 * header claiming gigabytes ends in an {@link IOException}, not an out-of-memory error). Used for the
 * results archive of Mailchimp batch operations.
 */
public final class TarGz {
  private static final int BLOCK = 512;
  /** Long-name and pax headers larger than this are refused. */
  private static final int MAX_HEADER_RECORD = 64 * 1024;

  private TarGz() {}

  /** Reads one regular file of an archive. */
  @FunctionalInterface
  public interface FileReader {
    /**
     * Reads a file; the stream ends at the end of the file (reading less is fine, the rest is
     * skipped) and closing it does nothing.
     *
     * @param name the file name
     * @param content the file's bytes
     * @throws IOException if reading fails
     */
    void read(String name, InputStream content) throws IOException;
  }

  /**
   * Hands every regular file of the archive to {@code reader}, in archive order.
   *
   * @param gzipped the .tar.gz bytes (not closed)
   * @param maxFileBytes the largest file accepted
   * @param maxTotalBytes the largest decompressed archive accepted
   * @param reader reads each file
   * @throws IOException if the archive is not a readable gzipped tar, is truncated, or exceeds a limit
   */
  public static void forEachFile(InputStream gzipped, long maxFileBytes, long maxTotalBytes, FileReader reader)
      throws IOException {
    try (InputStream in = new Limited(new GZIPInputStream(gzipped), maxTotalBytes, true)) {
      byte[] header = new byte[BLOCK];
      String longName = null;
      while (readFully(in, header)) {
        if (isZero(header)) {
          break;
        }
        String name = longName != null ? longName : string(header, 0, 100);
        longName = null;
        String prefix = string(header, 345, 155);
        if (!prefix.isEmpty() && string(header, 257, 6).startsWith("ustar")) {
          name = prefix + "/" + name;
        }
        long size = octal(header, 124, 12);
        char type = (char) header[156];
        if (size < 0) {
          throw new IOException("bad tar entry size");
        }
        if (type == 'L' || type == 'x') {
          if (size > MAX_HEADER_RECORD) {
            throw new IOException("tar header record too large");
          }
          byte[] content = new byte[(int) size];
          if (!readFully(in, content) && size > 0) {
            throw new IOException("truncated tar entry");
          }
          longName = type == 'L' ? new String(content, StandardCharsets.UTF_8).replace("\0", "") : paxPath(content);
        } else if (type == '0' || type == '\0' || type == '7') {
          if (size > maxFileBytes) {
            throw new IOException("tar entry larger than " + maxFileBytes + " bytes");
          }
          Limited file = new Limited(in, size, false);
          reader.read(name, file);
          file.skipRest();
        } else {
          in.skipNBytes(size);
        }
        in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
      }
    } catch (EOFException e) {
      throw new IOException("truncated archive", e);
    }
  }

  /**
   * A stream of at most {@code limit} bytes of another: as a file view it ends there (and its
   * close does nothing); as a guard ({@code failPast}) reading past the limit is an error.
   */
  private static final class Limited extends FilterInputStream {
    private final boolean failPast;
    private long left;

    Limited(InputStream in, long limit, boolean failPast) {
      super(in);
      this.left = limit;
      this.failPast = failPast;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (left <= 0) {
        if (failPast && in.read() >= 0) {
          throw new IOException("archive larger than its limit");
        }
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        if (!failPast) {
          throw new EOFException("truncated tar entry");
        }
        return -1;
      }
      left -= n;
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buf = new byte[(int) Math.min(8192, Math.max(1, n))];
      long skipped = 0;
      while (skipped < n) {
        int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
        if (r < 0) {
          break;
        }
        skipped += r;
      }
      return skipped;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(in.available(), Math.max(0, left));
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    void skipRest() throws IOException {
      skipNBytes(left);
    }

    @Override
    public void close() throws IOException {
      if (failPast) {
        in.close();
      }
    }
  }

  /** The {@code path} record of a pax extended header ({@code "<len> path=<name>\n"}), or null. */
  private static String paxPath(byte[] content) {
    String records = new String(content, StandardCharsets.UTF_8);
    for (String record : records.split("\n")) {
      int space = record.indexOf(' ');
      if (space > 0 && record.startsWith("path=", space + 1)) {
        return record.substring(space + 1 + "path=".length());
      }
    }
    return null;
  }

  private static boolean readFully(InputStream in, byte[] buf) throws IOException {
    int off = 0;
    while (off < buf.length) {
      int n = in.read(buf, off, buf.length - off);
      if (n < 0) {
        if (off == 0) {
          return false;
        }
        throw new IOException("truncated tar archive");
      }
      off += n;
    }
    return true;
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static String string(byte[] h, int off, int len) {
    int end = off;
    while (end < off + len && h[end] != 0) {
      end++;
    }
    return new String(h, off, end - off, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] h, int off, int len) throws IOException {
    if ((h[off] & 0x80) != 0) {
      long v = 0;
      for (int i = off + 1; i < off + len; i++) {
        v = (v << 8) | (h[i] & 0xff);
      }
      return v;
    }
    String s = string(h, off, len).trim();
    if (s.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(s, 8);
    } catch (NumberFormatException e) {
      throw new IOException("bad tar size field", e);
    }
  }

  /**
   * Writes a gzipped tar archive of the given files (used by tests and simulators).
   *
   * @param files file name (at most 100 bytes) to content
   * @return the .tar.gz bytes
   * @throws IOException if writing fails
   */
  public static byte[] write(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        byte[] h = new byte[BLOCK];
        byte[] name = f.getKey().getBytes(StandardCharsets.UTF_8);
        if (name.length > 100) {
          throw new IOException("name too long: " + f.getKey());
        }
        System.arraycopy(name, 0, h, 0, name.length);
        put(h, 100, String.format("%07o", 0644));
        put(h, 108, String.format("%07o", 0));
        put(h, 116, String.format("%07o", 0));
        put(h, 124, String.format("%011o", f.getValue().length));
        put(h, 136, String.format("%011o", 0));
        h[156] = '0';
        put(h, 257, "ustar");
        h[262] = 0;
        put(h, 263, "00");
        for (int i = 148; i < 156; i++) {
          h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
          sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        out.write(h);
        out.write(f.getValue());
        int pad = (BLOCK - f.getValue().length % BLOCK) % BLOCK;
        out.write(new byte[pad]);
      }
      out.write(new byte[BLOCK * 2]);
    }
    return bytes.toByteArray();
  }

  private static void put(byte[] h, int off, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, off, b.length);
  }
}
