package dev.qbmc.core.mapping;

import java.util.Optional;

/**
 * Splits a display or company name into first and last name when QBO has no {@code GivenName} and
 * {@code FamilyName}: a trailing " (deleted)" and a sub-customer's parent path ("Parent:Child") are
 * dropped; "Last, First" (one comma) is read as last name then first name; otherwise the first word
 * is the first name and the remaining words the last name.
 */
final class NameSplitter {

  private NameSplitter() {}

  /** A first and last name, each possibly absent. */
  record Split(Optional<String> first, Optional<String> last) {}

  static Split split(String name) {
    String n = name.strip();
    if (n.endsWith("(deleted)")) {
      n = n.substring(0, n.length() - "(deleted)".length()).strip();
    }
    int colon = n.lastIndexOf(':');
    if (colon >= 0 && colon < n.length() - 1) {
      n = n.substring(colon + 1).strip();
    }
    int comma = n.indexOf(',');
    if (comma > 0 && comma == n.lastIndexOf(',') && comma < n.length() - 1) {
      return new Split(nonBlank(n.substring(comma + 1)), nonBlank(n.substring(0, comma)));
    }
    String[] words = n.split("\\s+", 2);
    if (words.length == 2) {
      return new Split(nonBlank(words[0]), nonBlank(words[1]));
    }
    return new Split(nonBlank(n), Optional.empty());
  }

  private static Optional<String> nonBlank(String s) {
    String t = s.strip();
    return t.isEmpty() ? Optional.empty() : Optional.of(t);
  }
}
