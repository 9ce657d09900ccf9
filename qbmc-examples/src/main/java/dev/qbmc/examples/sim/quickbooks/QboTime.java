package dev.qbmc.examples.sim.quickbooks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/** Timestamp formats QBO uses. */
final class QboTime {

  private static final DateTimeFormatter META = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
  private static final DateTimeFormatter RESPONSE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");
  private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME).optionalEnd()
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
      .toFormatter();

  private QboTime() {
  }

  static String meta(Instant instant, ZoneId zone) {
    return META.format(instant.atZone(zone));
  }

  static String response(Instant instant, ZoneId zone) {
    return RESPONSE.format(instant.atZone(zone));
  }

  /** Parses a date or date-time with {@code -07:00}, {@code -0700}, {@code Z} or no offset (company zone). */
  static Instant parse(String text, ZoneId zone) {
    try {
      var parsed = LENIENT.parse(text.trim());
      java.time.LocalDateTime local = java.time.LocalDateTime.of(
          java.time.LocalDate.from(parsed), java.time.LocalTime.from(parsed));
      if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
        return OffsetDateTime.of(local, java.time.ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
            .toInstant();
      }
      return local.atZone(zone).toInstant();
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("not a date or date-time: " + text, e);
    }
  }
}
