package io.entityflow.pipelines.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  private static final DateTimeFormatter REFERENCE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** Spans of days around the 400-year cycle, century, leap-year and epoch edges. */
  private static final LocalDate[][] EDGE_SPANS = {
    {LocalDate.of(0, 1, 1), LocalDate.of(3, 1, 1)},
    {LocalDate.of(1599, 12, 1), LocalDate.of(1601, 3, 1)},
    {LocalDate.of(1899, 12, 1), LocalDate.of(1901, 3, 1)},
    {LocalDate.of(1969, 12, 1), LocalDate.of(1970, 3, 1)},
    {LocalDate.of(1999, 12, 1), LocalDate.of(2001, 3, 1)},
    {LocalDate.of(2099, 12, 1), LocalDate.of(2101, 3, 1)},
    {LocalDate.of(9998, 1, 1), LocalDate.of(10000, 1, 1)}
  };

  @Test
  void formatAgreesWithTheFormatterAcrossTheWholeRange() {
    Random random = new Random(7);
    long first = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
    long last = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(
              first + (long) (random.nextDouble() * (last - first)), random.nextInt(1_000_000_000));
      assertThat(Timestamps.format(instant)).isEqualTo(REFERENCE.format(instant));
    }
    for (String edge :
        new String[] {
          "0001-01-01T00:00:00Z",
          "9999-12-31T23:59:59.999999999Z",
          "1970-01-01T00:00:00Z",
          "2024-02-29T12:00:00.000001Z"
        }) {
      Instant instant = Instant.parse(edge);
      assertThat(Timestamps.format(instant)).isEqualTo(REFERENCE.format(instant));
    }
    assertThat(Timestamps.format(Instant.parse("2026-11-23T10:15:30.123456789Z")))
        .isEqualTo("2026-11-23T10:15:30.123456Z");
  }

  @Test
  void parseAgreesWithTheIsoFormatterForEveryFractionLength() {
    Random random = new Random(11);
    for (int i = 0; i < 100_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000));
      String text = DateTimeFormatter.ISO_INSTANT.format(instant);
      assertThat(Timestamps.parse("occurred_at", text))
          .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from));
      String digits = String.format("%09d", instant.getNano()).substring(0, 1 + i % 9);
      String fraction = text.substring(0, 19) + "." + digits + "Z";
      assertThat(Timestamps.parse("occurred_at", fraction))
          .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(fraction, Instant::from));
    }
    assertThat(Timestamps.parse("occurred_at", "2026-11-23T10:00:00.Z"))
        .isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    assertThat(Timestamps.parse("occurred_at", "2026-11-23T10:15:30+01:00"))
        .isEqualTo(Instant.parse("2026-11-23T09:15:30Z"));
  }

  @Test
  void formatAgreesWithTheFormatterOnEveryDayOfCenturyAndLeapYearEdges() {
    for (LocalDate[] span : EDGE_SPANS) {
      for (LocalDate day = span[0]; day.isBefore(span[1]); day = day.plusDays(1)) {
        long midnight = day.toEpochDay() * 86_400L;
        for (long second : new long[] {midnight, midnight + 43_210, midnight + 86_399}) {
          Instant instant = Instant.ofEpochSecond(second, 999_999_999);
          assertThat(Timestamps.format(instant)).isEqualTo(REFERENCE.format(instant));
        }
      }
    }
  }

  @Test
  void parseAgreesWithTheIsoFormatterOnEveryDayOfCenturyAndLeapYearEdges() {
    for (LocalDate[] span : EDGE_SPANS) {
      for (LocalDate day = span[0]; day.isBefore(span[1]); day = day.plusDays(1)) {
        String text = day + "T23:59:58.5Z";
        assertThat(Timestamps.parse("occurred_at", text))
            .as(text)
            .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from));
      }
    }
    Random random = new Random(12);
    for (int i = 0; i < 100_000; i++) {
      LocalDate day = LocalDate.ofEpochDay(random.nextInt(3_652_059) - 719_528);
      String text = day + "T" + String.format("%02d:%02d:%02dZ", i % 24, i % 60, i % 59);
      assertThat(Timestamps.parse("occurred_at", text))
          .as(text)
          .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from));
    }
    for (String notALeapDay : new String[] {"1900-02-29T00:00:00Z", "2100-02-29T00:00:00Z"}) {
      assertThatThrownBy(() -> Timestamps.parse("occurred_at", notALeapDay))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("occurred_at has invalid value '" + notALeapDay + "'");
    }
  }

  @Test
  void invalidDatesAreRefusedWithTheUsualMessage() {
    for (String bad :
        new String[] {
          "2026-02-30T10:00:00Z",
          "2026-13-01T10:00:00Z",
          "2026-11-23T24:00:00Z",
          "2026-11-23T10:00:61Z",
          "2026-11-23T10:00:00.1234567890Z",
          "2026-11-23 10:00:00Z",
          "2026-11-23T10:00:00"
        }) {
      assertThatThrownBy(() -> Timestamps.parse("occurred_at", bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "occurred_at has invalid value '"
                  + bad
                  + "'; expected an RFC 3339 timestamp, e.g. 2026-11-23T10:15:30.123Z");
    }
  }
}
