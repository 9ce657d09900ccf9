package dev.qbmc.quickbooks.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the dates of QBO payloads. Every entity carries two date-times ({@code MetaData}) and every
 * transaction two dates, and {@link DateTimeFormatter} spends microseconds on each (it copies its
 * parse state for every optional section): reading them was a third of the time of parsing a
 * customer page. The shapes QBO writes ({@code 2015-10-01T16:48:43-07:00}, with or without a
 * fraction, offsets {@code Z}, {@code -07:00}, {@code -0700} or {@code -07}; dates {@code
 * 2015-10-01}) are read by hand; anything else goes to the formatter, which accepts what it always
 * did and throws the same {@link DateTimeParseException} for what it refuses.
 */
final class QboDates {
  private QboDates() {}

  /**
   * Parses an ISO-8601 date-time with an offset.
   *
   * @param text the trimmed text
   * @param lenient the formatter for every other shape
   * @return the value
   * @throws DateTimeParseException when the text is not a date-time with an offset
   */
  static OffsetDateTime offsetDateTime(String text, DateTimeFormatter lenient) {
    OffsetDateTime fast = fastOffsetDateTime(text);
    return fast != null ? fast : OffsetDateTime.parse(text, lenient);
  }

  /**
   * Parses an ISO date; text after the tenth character (a time) is ignored.
   *
   * @param text the trimmed text
   * @return the value
   * @throws DateTimeParseException when the first ten characters are not a date
   */
  static LocalDate localDate(String text) {
    String date = text.length() > 10 ? text.substring(0, 10) : text;
    if (date.length() == 10 && isDate(date)) {
      try {
        return LocalDate.of(number(date, 0, 4), number(date, 5, 7), number(date, 8, 10));
      } catch (DateTimeException e) {
        // February 30th and the like: the formatter says what is wrong.
      }
    }
    return LocalDate.parse(date);
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH[[:]mm])}, or null for any other shape or value. */
  private static OffsetDateTime fastOffsetDateTime(String s) {
    int n = s.length();
    if (n < 20 || !isDate(s) || s.charAt(10) != 'T' || !digits(s, 11, 13) || s.charAt(13) != ':'
        || !digits(s, 14, 16) || s.charAt(16) != ':' || !digits(s, 17, 19)) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      int length = i - start;
      if (length < 1 || length > 9) {
        return null;
      }
      nanos = number(s, start, i);
      for (int pad = length; pad < 9; pad++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset = offset(s, i);
    if (offset == null) {
      return null;
    }
    try {
      return OffsetDateTime.of(number(s, 0, 4), number(s, 5, 7), number(s, 8, 10),
          number(s, 11, 13), number(s, 14, 16), number(s, 17, 19), nanos, offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** {@code Z}, {@code ±HH}, {@code ±HHmm} or {@code ±HH:mm} running to the end, else null. */
  private static ZoneOffset offset(String s, int i) {
    int rest = s.length() - i;
    if (rest == 1 && s.charAt(i) == 'Z') {
      return ZoneOffset.UTC;
    }
    if (rest < 3 || (s.charAt(i) != '+' && s.charAt(i) != '-') || !digits(s, i + 1, i + 3)) {
      return null;
    }
    int sign = s.charAt(i) == '-' ? -1 : 1;
    int hours = number(s, i + 1, i + 3);
    int minutes;
    if (rest == 3) {
      minutes = 0;
    } else if (rest == 5 && digits(s, i + 3, i + 5)) {
      minutes = number(s, i + 3, i + 5);
    } else if (rest == 6 && s.charAt(i + 3) == ':' && digits(s, i + 4, i + 6)) {
      minutes = number(s, i + 4, i + 6);
    } else {
      return null;
    }
    try {
      return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static boolean isDate(String s) {
    return digits(s, 0, 4) && s.charAt(4) == '-' && digits(s, 5, 7) && s.charAt(7) == '-' && digits(s, 8, 10);
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The value of the digits in {@code [from, to)}, which the caller checked are digits. */
  private static int number(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (s.charAt(i) - '0');
    }
    return value;
  }
}
