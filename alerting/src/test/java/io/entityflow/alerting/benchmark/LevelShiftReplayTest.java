package io.entityflow.alerting.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.alerting.backtest.BacktestResult;
import io.entityflow.alerting.backtest.Backtester;
import io.entityflow.alerting.model.BaselineSettings;
import io.entityflow.alerting.model.SeriesKey;
import io.entityflow.alerting.rules.AlertRule;
import io.entityflow.alerting.rules.RuleSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Series 97 of the alert-quality benchmark (seed 42): 194 events an hour at the peak, hourly rate
 * varying by 35% (Gamma multiplier, cv 0.35), a lasting -30% level shift on 2025-11-12 at 05:20.
 */
class LevelShiftReplayTest {
  @Test
  void overDispersedShiftIsOneIncidentEvenWhenItsDropResolvesOnAShortWindow() {
    QualitySeries series = new QualitySeries(42, 97, AlertQualityBenchmark.START, 12);
    BacktestResult r =
        new Backtester(
                RuleSet.defaultsOnly(),
                AlertRule.defaultRule(),
                new SeriesKey("csv", "csv", "EVENTS", null),
                BaselineSettings.defaults(),
                Duration.ofMinutes(5))
            .run(
                series.rows(),
                Instant.parse("2025-11-11T00:00:00Z"),
                Instant.parse("2025-11-19T00:00:00Z"),
                List.of(),
                List.of());
    // the CUSUM pages the shift after 22 hours; the incident resolves on a 20-minute window at 81%
    // of the expectation (above the 72% break-even by chance: the hourly rate varies by 35%), while
    // the level still holds the old days. The level's median is taken over the newest 3 of its 5
    // days, so it turns to the shifted days 3 days after the shift, before the CUSUM run restarted
    // at the resolve reaches its threshold: no second page (with the median of 5 days the level
    // turned a day later and the restarted run paged the same shift again on 2025-11-15)
    assertThat(
            r.notifications().stream()
                .map(n -> n.kind() + (n.repeat() ? " repeat " : " ") + n.at() + " " + n.condition())
                .toList())
        .containsExactly(
            "FIRING 2025-11-13T03:02:32.038Z DROP",
            "FIRING repeat 2025-11-13T07:02:32.038Z DROP",
            "RESOLVED 2025-11-13T08:57:32.038Z DROP");
    assertThat(r.notifications().get(0).summary())
        .isEqualTo(
            "EVENTS events of csv.csv dropped: 1702 observed vs 2489.3 expected since"
                + " 2025-11-12T05:00:00Z (CUSUM 11.5 > 9.8)");
    assertThat(r.notifications().get(2).summary())
        .isEqualTo(
            "csv.csv/EVENTS is back to its expected level: 21 in the last 20m (since"
                + " 2025-11-13T08:37:32.038Z, latest at 2025-11-13T08:57:30Z), 25.9 expected,"
                + " P(at most 21) = 0.36 >= 0.01");
  }
}
