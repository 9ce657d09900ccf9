package dev.qbmc.core.mapping;

import java.util.Optional;
import java.util.Set;

/** {@link SafeText} and Mailchimp's 255-byte limit for text merge fields, noting a cut. */
final class TextLimits {

  static final int MAX_BYTES = 255;

  private TextLimits() {}

  /**
   * The cleaned ({@link SafeText#clean}), non-blank text cut to 255 UTF-8 bytes on a grapheme
   * boundary, noting a cut.
   */
  static Optional<String> clean(Optional<String> value, Set<MappingNote> notes) {
    return clean(value, notes, MAX_BYTES);
  }

  /** The cleaned, non-blank text cut to a number of UTF-8 bytes on a grapheme boundary, noting a cut. */
  static Optional<String> clean(Optional<String> value, Set<MappingNote> notes, int maxBytes) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String text = SafeText.clean(value.get());
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String cut = SafeText.truncate(text, maxBytes);
    if (cut.length() != text.length()) {
      notes.add(MappingNote.TRUNCATED_VALUE);
    }
    return cut.isEmpty() ? Optional.empty() : Optional.of(cut);
  }
}
