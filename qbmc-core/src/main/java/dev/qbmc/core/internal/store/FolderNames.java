package dev.qbmc.core.internal.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Turns connection ids and webhook scopes into safe file names: plain ids ({@code [A-Za-z0-9._-]},
 * not starting with a dot, at most 100 characters) are used as they are; any other id becomes
 * {@code ~} plus its URL-safe Base64 UTF-8 bytes, which no plain id can collide with.
 */
public final class FolderNames {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");
  private static final int MAX_ENCODED_BYTES = 150;

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
    return "~" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
