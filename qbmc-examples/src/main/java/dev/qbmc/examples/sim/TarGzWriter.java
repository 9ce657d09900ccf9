package dev.qbmc.examples.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * A minimal POSIX ustar writer with gzip compression, enough for Mailchimp batch result archives
 * (regular files only, names up to 100 bytes).
 */
public final class TarGzWriter {

  private final ByteArrayOutputStream tar = new ByteArrayOutputStream();
  private final long mtimeSeconds;

  /**
   * Creates an empty archive.
   *
   * @param mtimeSeconds modification time written for every entry (epoch seconds)
   */
  public TarGzWriter(long mtimeSeconds) {
    this.mtimeSeconds = mtimeSeconds;
  }

  /**
   * Appends a regular file.
   *
   * @param name file name (ASCII, at most 100 bytes)
   * @param content file bytes
   * @return this writer
   */
  public TarGzWriter add(String name, byte[] content) {
    byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
    if (nameBytes.length > 100) {
      throw new IllegalArgumentException("tar entry name longer than 100 bytes: " + name);
    }
    byte[] header = new byte[512];
    System.arraycopy(nameBytes, 0, header, 0, nameBytes.length);
    octal(header, 100, 8, 0644);
    octal(header, 108, 8, 0);
    octal(header, 116, 8, 0);
    octal(header, 124, 12, content.length);
    octal(header, 136, 12, mtimeSeconds);
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    header[156] = '0';
    byte[] magic = "ustar\u000000".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(magic, 0, header, 257, magic.length);
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    octal(header, 148, 7, sum);
    header[155] = ' ';
    tar.writeBytes(header);
    tar.writeBytes(content);
    int pad = (int) ((512 - content.length % 512) % 512);
    tar.writeBytes(new byte[pad]);
    return this;
  }

  /**
   * Finishes the archive (two zero blocks) and gzips it.
   *
   * @return the .tar.gz bytes
   */
  public byte[] finish() {
    tar.writeBytes(new byte[1024]);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(tar.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return gz.toByteArray();
  }

  private static void octal(byte[] header, int offset, int length, long value) {
    String text = Long.toOctalString(value);
    int digits = length - 1;
    StringBuilder padded = new StringBuilder();
    for (int i = text.length(); i < digits; i++) {
      padded.append('0');
    }
    padded.append(text);
    byte[] bytes = padded.toString().getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, digits);
    header[offset + digits] = 0;
  }
}
