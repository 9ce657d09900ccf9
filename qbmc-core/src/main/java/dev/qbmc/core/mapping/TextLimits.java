package dev.qbmc.core.mapping;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/** Trimming and Mailchimp's 255-byte limit for text merge fields. */
final class TextLimits {

  static final int MAX_BYTES = 255;

  private TextLimits() {}

  /** The trimmed, non-blank text cut to 255 UTF-8 bytes at a code point boundary, noting a cut. */
  static Optional<String> clean(Optional<String> value, Set<MappingNote> notes) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String text = value.get().strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.length() * 3 <= MAX_BYTES || text.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
      return Optional.of(text);
    }
    notes.add(MappingNote.TRUNCATED_VALUE);
    int bytes = 0;
    int end = 0;
    while (end < text.length()) {
      int cp = text.codePointAt(end);
      int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + size > MAX_BYTES) {
        break;
      }
      bytes += size;
      end += Character.charCount(cp);
    }
    String cut = text.substring(0, end).strip();
    return cut.isEmpty() ? Optional.empty() : Optional.of(cut);
  }
}
