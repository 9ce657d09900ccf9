package dev.qbmc.quickbooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-read date shapes give exactly what the lenient formatter gives, and refuse alike. */
class QboDatesTest {
  private static OffsetDateTime formatter(String text) {
    return OffsetDateTime.parse(text, QboJacksonModule.LENIENT_OFFSET_DATE_TIME);
  }

  @Test
  void offsetDateTime_readsEveryShapeQboWrites_likeTheFormatter() {
    List<String> shapes = List.of(
        "2015-10-01T16:48:43-07:00",
        "2015-10-05T14:42:19-0700",
        "2015-10-05T14:42:19-07",
        "2020-09-29T06:04:50.776-07:00",
        "2020-09-29T06:04:50.7-07:00",
        "2020-09-29T06:04:50.123456789+05:30",
        "2026-03-02T10:00:00Z",
        "2026-03-02T10:00:00+00:00",
        "2026-03-02T10:00:00-00:00",
        "2024-02-29T23:59:59+14:00",
        "2024-02-30T10:00:00-08:00",
        "2024-01-01T24:00:00Z",
        "2024-01-01T10:00-08:00",
        "2024-01-01T10:00:00z",
        "+12024-01-01T10:00:00Z");
    for (String text : shapes) {
      assertThat(QboJacksonModule.parseOffsetDateTime(text)).as(text).isEqualTo(formatter(text));
      assertThat(QboJacksonModule.parseOffsetDateTime(" " + text + " ")).as(text).isEqualTo(formatter(text));
    }
  }

  @Test
  void offsetDateTime_refusesWhatTheFormatterRefuses() {
    for (String text : List.of("2024-01-01T10:00:00", "2024-13-01T10:00:00Z", "2024-01-01T10:00:00+19:00",
        "2024-01-01T10:00:00.1234567890Z", "2024-01-01T10:00:00-07:00[America/Denver]", "2024-01-01",
        "not a date")) {
      assertThatThrownBy(() -> QboJacksonModule.parseOffsetDateTime(text)).as(text)
          .isInstanceOf(DateTimeParseException.class);
      assertThatThrownBy(() -> formatter(text)).as(text).isInstanceOf(DateTimeParseException.class);
    }
  }

  @Test
  void localDate_readsTheFirstTenCharacters() {
    assertThat(QboDates.localDate("2020-09-29")).isEqualTo(LocalDate.of(2020, 9, 29));
    assertThat(QboDates.localDate("2020-09-29T10:00:00-07:00")).isEqualTo(LocalDate.of(2020, 9, 29));
    assertThat(QboDates.localDate("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    for (String text : List.of("2023-02-29", "2020-9-29", "29/09/2020", "")) {
      assertThatThrownBy(() -> QboDates.localDate(text)).as(text).isInstanceOf(DateTimeParseException.class);
    }
  }
}
