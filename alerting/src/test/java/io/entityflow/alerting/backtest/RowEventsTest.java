package io.entityflow.alerting.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.alerting.rules.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowEventsTest {
  private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void eventsOfARowAreSpreadEvenlyOverItsInterval() {
    assertThat(List.of(1L, 2L, 3L, 4L))
        .map(k -> RowEvents.eventTime(T, MINUTE, 4, k))
        .containsExactly(
            T.plusMillis(7_500), T.plusMillis(22_500), T.plusMillis(37_500), T.plusMillis(52_500));
    assertThat(RowEvents.eventsSeen(T, MINUTE, 4, T.plusMillis(22_499))).isEqualTo(1);
    assertThat(RowEvents.eventsSeen(T, MINUTE, 4, T.plusMillis(22_500))).isEqualTo(2);
    assertThat(RowEvents.eventsSeen(T, MINUTE, 4, T.plusSeconds(60))).isEqualTo(4);
    assertThat(RowEvents.eventsSeen(T, MINUTE, 0, T.plusSeconds(60))).isZero();
  }

  @Test
  void countBetweenCountsPartialRowsAndSkipsInjectedOutages() {
    List<CountRow> rows =
        List.of(
            new CountRow(T, 4),
            new CountRow(T.plusSeconds(60), 2),
            new CountRow(T.plusSeconds(120), 6));
    // [10:00:30, 10:02:30): the last 2 of row 1, both of row 2, the first 3 of row 3
    Instant from = T.plusSeconds(30);
    Instant to = T.plusSeconds(150);
    assertThat(RowEvents.countBetween(rows, 2, MINUTE, List.of(), from, to)).isEqualTo(7);
    TimeWindow outage = new TimeWindow(T.plusSeconds(60), T.plusSeconds(120), "test");
    assertThat(RowEvents.countBetween(rows, 2, MINUTE, List.of(outage), from, to)).isEqualTo(5);
    assertThat(RowEvents.resolution(rows)).isEqualTo(MINUTE);
  }
}
