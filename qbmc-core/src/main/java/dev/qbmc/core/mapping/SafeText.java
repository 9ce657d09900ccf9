package dev.qbmc.core.mapping;

import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.Objects;

/**
 * Makes text from QuickBooks (or from Mailchimp) safe to write to Mailchimp, a report or a terminal.
 * Pure; the sync applies it to every text it maps, the report to every detail and message, the CLI
 * to everything it prints.
 *
 * <ul>
 *   <li>{@link #clean} removes control characters (Unicode category Cc) and format characters
 *       (category Cf: the bidirectional overrides, embeddings, isolates and marks such as U+202E, the
 *       zero-width space, non-joiner and joiner, the word joiner, the byte-order mark, the soft
 *       hyphen) and unpaired surrogates; line breaks, tabs and other whitespace become one space per
 *       run, and the result is stripped.
 *   <li>{@link #truncate} and {@link #truncateChars} cut a text to a limit without breaking a
 *       character: never inside a surrogate pair, and never between a letter and the combining marks
 *       that follow it (the cut falls on a grapheme boundary).
 * </ul>
 */
public final class SafeText {

  private SafeText() {}

  /**
   * The text without control, format (bidi, zero-width) characters and unpaired surrogates, its
   * whitespace runs collapsed to one space, stripped.
   *
   * @param text any text
   * @return the clean text, possibly empty
   * @throws NullPointerException if text is null
   */
  public static String clean(String text) {
    Objects.requireNonNull(text, "text");
    if (isPlain(text)) {
      return text.strip();
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85) {
        space = out.length() > 0;
        continue;
      }
      int type = Character.getType(cp);
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE) {
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.appendCodePoint(cp);
    }
    return out.toString();
  }

  /** True for printable ASCII without leading, trailing or doubled spaces: nothing to clean but strip. */
  private static boolean isPlain(String text) {
    char previous = 'x';
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e || (c == ' ' && previous == ' ')) {
        return false;
      }
      previous = c;
    }
    return true;
  }

  /**
   * The longest prefix of the text that fits in a number of UTF-8 bytes and ends on a grapheme
   * boundary, stripped of trailing whitespace.
   *
   * @param text the text (clean it first)
   * @param maxBytes the limit in UTF-8 bytes, at least 1
   * @return the text itself when it fits, else the cut prefix
   * @throws NullPointerException if text is null
   * @throws IllegalArgumentException if maxBytes is less than 1
   */
  public static String truncate(String text, int maxBytes) {
    Objects.requireNonNull(text, "text");
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be at least 1");
    }
    if (text.length() * 3L <= maxBytes || text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return text;
    }
    return cut(text, maxBytes, true);
  }

  /**
   * The longest prefix of the text of at most a number of UTF-16 chars (Java {@code length()}) that
   * ends on a grapheme boundary, stripped of trailing whitespace.
   *
   * @param text the text (clean it first)
   * @param maxChars the limit in chars, at least 1
   * @return the text itself when it fits, else the cut prefix
   * @throws NullPointerException if text is null
   * @throws IllegalArgumentException if maxChars is less than 1
   */
  public static String truncateChars(String text, int maxChars) {
    Objects.requireNonNull(text, "text");
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be at least 1");
    }
    return text.length() <= maxChars ? text : cut(text, maxChars, false);
  }

  /**
   * Whether {@link #clean} and {@link #truncate} would leave the text as it is.
   *
   * @param text any text
   * @param maxBytes the limit in UTF-8 bytes
   * @return true when the text is clean and fits
   * @throws NullPointerException if text is null
   */
  public static boolean isSafe(String text, int maxBytes) {
    return clean(text).equals(text) && truncate(text, Math.max(1, maxBytes)).equals(text);
  }

  private static String cut(String text, int limit, boolean bytes) {
    BreakIterator graphemes = BreakIterator.getCharacterInstance(Locale.ROOT);
    graphemes.setText(text);
    int end = 0;
    int used = 0;
    for (int next = graphemes.next(); next != BreakIterator.DONE; next = graphemes.next()) {
      int size = bytes ? utf8Length(text, end, next) : next - end;
      if (used + size > limit) {
        break;
      }
      used += size;
      end = next;
    }
    return text.substring(0, end).stripTrailing();
  }

  private static int utf8Length(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; ) {
      int cp = text.codePointAt(i);
      n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      i += Character.charCount(cp);
    }
    return n;
  }
}
