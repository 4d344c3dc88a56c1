package io.entityflow.alerting.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.alerting.backtest.Incident;
import io.entityflow.alerting.backtest.NotificationScore;
import io.entityflow.alerting.backtest.OnCallMessage;
import io.entityflow.alerting.backtest.OnCallMessage.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityScoreTest {
  @Test
  void oldBacktestLinesBecomeAPageAndAResolveEach() {
    List<OnCallMessage> messages =
        QualityScore.parseBefore(
            List.of(
                "rule 'default' replayed from 2025-10-14T00:00:00Z to 2025-12-28T23:55:00Z",
                "FIRING 2025-11-18T20:07:12.500Z RESOLVED 2025-11-18T21:25:00Z SILENCE: no events",
                "FIRING 2025-11-18T21:25:00Z (still firing) DROP: drop: 0 observed",
                "summary: 2 alerts, 2 outside injected outages (0.79 per month)"));
    Instant fired = Instant.parse("2025-11-18T20:07:12.500Z");
    Instant second = Instant.parse("2025-11-18T21:25:00Z");
    assertThat(messages)
        .containsExactly(
            new OnCallMessage(fired, fired, Kind.PAGE),
            new OnCallMessage(second, fired, Kind.RESOLVE),
            new OnCallMessage(second, second, Kind.PAGE));
  }

  @Test
  void truthBecomesOutageWindowsWithGraceAndSevenSettlingDaysAfterAShift() {
    Instant shift = Instant.parse("2025-11-27T07:25:00Z");
    List<Incident> incidents =
        QualityScore.incidents(
            List.of(
                new QualityScore.Outage(2, "shift", shift, shift, 1.3),
                new QualityScore.Outage(
                    2,
                    "total",
                    Instant.parse("2025-12-13T04:50:00Z"),
                    Instant.parse("2025-12-13T07:20:00Z"),
                    0)));
    assertThat(incidents)
        .containsExactly(
            new Incident(
                "total",
                Instant.parse("2025-12-13T04:50:00Z"),
                Instant.parse("2025-12-13T07:20:00Z"),
                Instant.parse("2025-12-13T13:20:00Z"),
                false),
            new Incident("shift", shift, shift, Instant.parse("2025-12-04T07:25:00Z"), true));
    NotificationScore s =
        NotificationScore.of(
            List.of(
                new OnCallMessage(
                    Instant.parse("2025-12-13T05:30:00Z"),
                    Instant.parse("2025-12-13T05:30:00Z"),
                    Kind.PAGE)),
            incidents,
            Duration.ofDays(30));
    assertThat(s.incidents().get(0).delay()).isEqualTo(Duration.ofMinutes(40));
    assertThat(s.falsePages()).isZero();
  }
}
