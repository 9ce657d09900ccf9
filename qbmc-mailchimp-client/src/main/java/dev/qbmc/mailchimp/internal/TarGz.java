package dev.qbmc.mailchimp.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads the regular files of a gzip-compressed tar archive (ustar, GNU long names, pax {@code path}
 * records; other pax and global headers are skipped) using the JDK only. Used for the results archive of Mailchimp batch operations.
 */
public final class TarGz {
  private static final int BLOCK = 512;
  private static final long MAX_TOTAL = 512L * 1024 * 1024;

  private TarGz() {}

  /**
   * The regular files of the archive, in archive order.
   *
   * @param archive the .tar.gz bytes
   * @return file name to content
   * @throws IOException if the archive is not a readable gzipped tar
   */
  public static Map<String, byte[]> regularFiles(byte[] archive) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    long total = 0;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(archive))) {
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
        total += size;
        if (size < 0 || total > MAX_TOTAL) {
          throw new IOException("tar entry too large: " + name);
        }
        byte[] content = new byte[(int) size];
        if (!readFully(in, content)) {
          throw new IOException("truncated tar entry: " + name);
        }
        long pad = (BLOCK - size % BLOCK) % BLOCK;
        in.skipNBytes(pad);
        if (type == 'L') {
          longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
        } else if (type == 'x') {
          longName = paxPath(content);
        } else if (type == '0' || type == '\0' || type == '7') {
          files.put(name, content);
        }
      }
    } catch (java.io.EOFException e) {
      throw new IOException("truncated archive", e);
    }
    return files;
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
