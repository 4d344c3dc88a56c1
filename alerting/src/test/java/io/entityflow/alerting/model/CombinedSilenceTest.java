package io.entityflow.alerting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CombinedSilenceTest {
  private static final Instant LAST = Instant.parse("2026-01-05T10:00:00Z");

  @Test
  void combinedStreamBecomesSilentWhenTheSumOfAllRatesMakesNoneImprobable() {
    CombinedSilence all =
        new CombinedSilence(
            List.of(SilenceTestTest.constant(60, 0), SilenceTestTest.constant(30, 0)), LAST);
    // 90 events/hour in all: ln P(none) = -9 exactly after 6 minutes, below -9 one ms later
    assertThat(all.logProbabilityOfNone(LAST.plusSeconds(360))).isEqualTo(-9.0);
    assertThat(all.improbableSilenceAt(-9.0, LAST.plus(Duration.ofDays(1))))
        .isEqualTo(LAST.plusMillis(360_001));
    assertThat(all.expectedUntil(LAST.plusSeconds(360))).isCloseTo(9.0, within(1e-12));
    assertThat(all.expectedPerMonth()).isCloseTo(90 * 24 * 30.0, within(1e-6));
    assertThat(all.size()).isEqualTo(2);
    assertThat(all.since()).isEqualTo(LAST);
  }

  @Test
  void crossingInALaterHourIsTheFirstMillisecondTheSumFallsBelowTheThreshold() {
    Instant last = Instant.parse("2026-01-05T10:50:00Z");
    CombinedSilence all =
        new CombinedSilence(
            List.of(SilenceTestTest.constant(6, 0.5), SilenceTestTest.constant(3, 0)), last);
    double logAlpha = -4.0;
    Instant at = all.improbableSilenceAt(logAlpha, last.plus(Duration.ofDays(1)));
    assertThat(at).isAfter(Instant.parse("2026-01-05T11:00:00Z"));
    assertThat(all.logProbabilityOfNone(at)).isLessThan(logAlpha);
    assertThat(all.logProbabilityOfNone(at.minusMillis(1))).isGreaterThanOrEqualTo(logAlpha);
  }

  @Test
  void noCrossingWithinTheHorizonIsNull() {
    CombinedSilence all =
        new CombinedSilence(
            List.of(SilenceTestTest.constant(1, 0), SilenceTestTest.constant(1, 0)), LAST);
    // 2 events/hour: ln P(none) = -2 after one hour, never below -3 within it
    assertThat(all.improbableSilenceAt(-3.0, LAST.plus(Duration.ofHours(1)))).isNull();
    assertThat(all.improbableSilenceAt(-3.0, LAST.plus(Duration.ofHours(2))))
        .isEqualTo(LAST.plusMillis(5_400_001));
  }
}
