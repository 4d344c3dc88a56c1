package io.entityflow.alerting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DropCusumTest {
  private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

  @Test
  void halvedHourlyCountsAreDetectedAsADrop() {
    long[] counts = new long[52];
    Arrays.fill(counts, 100);
    counts[49] = 40;
    counts[50] = 40;
    HourlyCounts hourly = new HourlyCounts(START, counts);
    Baseline b = SilenceTestTest.constant(100, 0);
    // judged until 50:30 -> hours 2..49 complete; hour 49 had 40 of 100
    DropVerdict v =
        DropCusum.defaults()
            .judge(b, hourly, START.plusSeconds(50 * 3600 + 1800), Sensitivity.defaults());
    assertThat(v.dropped()).isTrue();
    assertThat(v.since()).isEqualTo(START.plusSeconds(49 * 3600));
    assertThat(v.observed()).isEqualTo(40);
    assertThat(v.expected()).isCloseTo(100, within(1e-9));
    assertThat(v.statistic()).isCloseTo(40 * Math.log(0.5) + 50, within(1e-9));
    // the CUSUM's share of the budget: 20% of 0.2 false alerts a month
    assertThat(v.threshold()).isCloseTo(Math.log(720 / (0.2 * 0.2)), within(1e-12));
  }

  @Test
  void countsAtTheExpectedRateKeepTheStatisticAtZero() {
    long[] counts = new long[52];
    Arrays.fill(counts, 100);
    DropVerdict v =
        DropCusum.defaults()
            .judge(
                SilenceTestTest.constant(100, 0),
                new HourlyCounts(START, counts),
                START.plusSeconds(52 * 3600),
                Sensitivity.defaults());
    assertThat(v.dropped()).isFalse();
    assertThat(v.statistic()).isZero();
    assertThat(v.since()).isNull();
  }

  @Test
  void ratioOutsideZeroOneIsRefused() {
    assertThatThrownBy(() -> new DropCusum(1.5, 48))
        .hasMessage("drop ratio must be in (0, 1), got 1.5");
  }
}
