package dev.qbmc.core.internal.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Turns connection ids and webhook scopes into file names that are safe on case-insensitive file
 * systems too: plain lowercase ids ({@code [a-z0-9._-]}, not starting with a dot, at most 100
 * characters) are used as they are; any other id, including every id with an uppercase letter,
 * becomes {@code ~~} plus the lowercase Base32 (RFC 4648, no padding) of its UTF-8 bytes. Two ids
 * that differ only by case therefore never share a folder, and no plain id can collide with an
 * encoded one.
 *
 * <p>Stores written before version 2 of the layout used plain ids of any case and {@code ~} plus
 * URL-safe Base64; {@link #decode} still reads those names, so a store can rename its folders.
 */
public final class FolderNames {

  private static final Pattern PLAIN = Pattern.compile("[a-z0-9_-][a-z0-9._-]{0,99}");
  private static final Pattern LEGACY_PLAIN = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");
  private static final int MAX_ENCODED_BYTES = 150;
  private static final String ENCODED = "~~";
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

  private FolderNames() {}

  /**
   * Encodes an id as a file name.
   *
   * @param id the id
   * @param what what the id is, for the message
   * @return the file name
   * @throws IllegalArgumentException if the id is longer than 150 UTF-8 bytes
   */
  public static String encode(String id, String what) {
    Args.notBlank(id, what);
    if (PLAIN.matcher(id).matches()) {
      return id;
    }
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_ENCODED_BYTES) {
      throw new IllegalArgumentException(
          what + " is too long for the file store (max " + MAX_ENCODED_BYTES + " UTF-8 bytes)");
    }
    StringBuilder sb = new StringBuilder(ENCODED);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = buffer << 8 | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        sb.append(ALPHABET.charAt(buffer >>> (bits - 5) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      sb.append(ALPHABET.charAt(buffer << (5 - bits) & 31));
    }
    return sb.toString();
  }

  /**
   * Decodes a file name written by this or an earlier version.
   *
   * @param name the file name (without extension)
   * @return the id, or null when the name is not one of ours
   */
  public static String decode(String name) {
    try {
      if (name.startsWith(ENCODED)) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (int i = ENCODED.length(); i < name.length(); i++) {
          int v = ALPHABET.indexOf(name.charAt(i));
          if (v < 0) {
            return null;
          }
          buffer = buffer << 5 | v;
          bits += 5;
          if (bits >= 8) {
            out.write(buffer >>> (bits - 8) & 0xff);
            bits -= 8;
          }
        }
        return out.toString(StandardCharsets.UTF_8);
      }
      if (name.startsWith("~")) {
        return new String(Base64.getUrlDecoder().decode(name.substring(1)), StandardCharsets.UTF_8);
      }
      return LEGACY_PLAIN.matcher(name).matches() ? name : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
