package io.entityflow.alerting.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entityflow.alerting.rules.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutageDetectionTest {
  private static final TimeWindow OUTAGE =
      new TimeWindow(
          Instant.parse("2026-01-14T10:00:00Z"), Instant.parse("2026-01-14T13:00:00Z"), "x");

  @Test
  void ratioIsDelayOverOptimum() {
    OutageDetection d =
        new OutageDetection(
            OUTAGE,
            Instant.parse("2026-01-14T10:12:00Z"),
            Duration.ofMinutes(12),
            Duration.ofMinutes(8),
            null,
            1e-5,
            2);
    assertThat(d.ratio().getAsDouble()).isEqualTo(1.5);
  }

  @Test
  void missedOutageHasNoRatio() {
    OutageDetection d =
        new OutageDetection(OUTAGE, null, null, Duration.ofMinutes(8), null, 1e-5, 0);
    assertThat(d.ratio()).isEmpty();
  }

  @Test
  void staticRuleHasNoRatioInsteadOfNaN() {
    OutageDetection d =
        new OutageDetection(
            OUTAGE,
            Instant.parse("2026-01-14T10:15:00Z"),
            Duration.ofMinutes(15),
            null,
            "static rule, no Poisson optimum",
            0,
            2);
    assertThat(d.ratio()).isEmpty();
  }

  @Test
  void optimumAndReasonAreExclusive() {
    assertThatThrownBy(
            () ->
                new OutageDetection(OUTAGE, null, null, Duration.ofMinutes(8), "static rule", 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "an outage detection needs either an optimum or the reason it has none, got optimum"
                + " PT8M and reason static rule");
    assertThatThrownBy(() -> new OutageDetection(OUTAGE, null, null, null, null, 0, 0))
        .hasMessage(
            "an outage detection needs either an optimum or the reason it has none, got optimum"
                + " null and reason null");
  }
}
