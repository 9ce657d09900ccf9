package dev.qbmc.quickbooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the real QBO payloads copied from the shared fixture set (byte for byte). */
public final class Fixtures {
  private Fixtures() {}

  /**
   * The bytes of one fixture.
   *
   * @param name the file name under {@code fixtures/quickbooks/}
   * @return the bytes
   */
  public static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/quickbooks/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text of one fixture (UTF-8, BOM kept).
   *
   * @param name the file name
   * @return the text
   */
  public static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }
}
