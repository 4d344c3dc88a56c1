package io.entityflow.alerting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SeasonalBaselineLearnerTest {
  private static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");

  /** Weekdays 09:00-17:00 UTC: 10 events per hour; otherwise none. */
  private static HourlyCounts businessHours(int weeks) {
    long[] counts = new long[weeks * 168];
    for (int i = 0; i < counts.length; i++) {
      ZonedDateTime t = MONDAY.plusSeconds(3600L * i).atZone(ZoneOffset.UTC);
      boolean open = t.getDayOfWeek().getValue() <= 5 && t.getHour() >= 9 && t.getHour() < 17;
      counts[i] = open ? 10 : 0;
    }
    return new HourlyCounts(MONDAY, counts);
  }

  @Test
  void learnsTheHourOfWeekProfileAndZeroOutsideBusinessHours() {
    HourlyCounts counts = businessHours(5);
    Instant now = MONDAY.plus(Duration.ofDays(35));
    Baseline b =
        new SeasonalBaselineLearner(BaselineSettings.defaults())
            .learn(counts, now, ZoneOffset.UTC, h -> false)
            .orElseThrow();
    assertThat(b.profile(10)).isCloseTo(10, within(0.05)); // Monday 10:00
    assertThat(b.profile(3)).isZero(); // Monday 03:00
    assertThat(b.profile(5 * 24 + 10)).isZero(); // Saturday 10:00
    assertThat(b.overdispersion()).isZero();
    assertThat(b.distribution()).isEqualTo("Poisson");
    assertThat(b.level()).isCloseTo(1.0, within(0.01));
    // 8 weeks reach back before the first event (Monday 09:00 of the first week)
    assertThat(b.history()).isEqualTo(Duration.ofDays(34).minusHours(9));
  }

  @Test
  void seriesWithLessThanMinHistoryAreNotJudged() {
    Optional<Baseline> b =
        new SeasonalBaselineLearner(BaselineSettings.defaults())
            .learn(businessHours(1), MONDAY.plus(Duration.ofDays(7)), ZoneOffset.UTC, h -> false);
    assertThat(b).isEmpty();
  }

  @Test
  void hourlyCountsMustStartOnAWholeHour() {
    assertThatThrownBy(() -> new HourlyCounts(MONDAY.plusSeconds(60), new long[1]))
        .hasMessage(
            "hourly counts must start at a whole hour, got 2026-01-05T00:01:00Z; e.g."
                + " 2026-01-05T10:00:00Z");
  }

  @Test
  void sensitivityNamesTheBadValue() {
    assertThatThrownBy(() -> Sensitivity.parse("loud"))
        .hasMessage(
            "sensitivity must be low, medium, high or a false-alert budget per month in (0, 30],"
                + " got 'loud'");
    assertThat(Sensitivity.parse("high").falseAlertsPerMonth()).isEqualTo(1.0);
  }
}
