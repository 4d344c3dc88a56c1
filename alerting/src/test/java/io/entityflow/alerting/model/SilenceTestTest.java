package io.entityflow.alerting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SilenceTestTest {
  static Baseline constant(double rate, double overdispersion) {
    double[] rates = new double[168];
    Arrays.fill(rates, rate);
    return new Baseline(
        rates, 1.0, overdispersion, ZoneOffset.UTC, Duration.ofDays(28), h -> false);
  }

  private static final Instant LAST = Instant.parse("2026-01-05T10:00:00Z");

  @Test
  void silenceFiresOnceLnOneOverAlphaEventsWereExpected() {
    Baseline b = constant(60, 0);
    Sensitivity s = Sensitivity.defaults();
    double alpha = s.alpha(b);
    // the silence test's share of the budget (80% of 0.2) over the expected events per month
    assertThat(alpha).isCloseTo(0.2 * 0.8 / (60 * 168 * 30.0 / 7), within(1e-15));
    // ln(1/alpha) = 12.51 expected events = 12.51 minutes at 60/h
    assertThat(s.timeToDetect(alpha, 60)).isEqualTo(Duration.ofMillis(750_371));

    SilenceVerdict at12 = SilenceTest.judge(b, LAST, LAST.plusSeconds(12 * 60), s);
    assertThat(at12.silent()).isFalse();
    assertThat(at12.expectedSinceLast()).isCloseTo(12.0, within(1e-9));

    SilenceVerdict at13 = SilenceTest.judge(b, LAST, LAST.plusSeconds(13 * 60), s);
    assertThat(at13.silent()).isTrue();
    assertThat(at13.expectedSinceLast()).isCloseTo(13.0, within(1e-9));
    assertThat(at13.probabilityOfNone()).isCloseTo(Math.exp(-13), within(1e-12));
  }

  @Test
  void lastEventAtOrAfterTheWatermarkIsNeverSilent() {
    Baseline b = constant(60, 0);
    SilenceVerdict v = SilenceTest.judge(b, LAST, LAST, Sensitivity.defaults());
    assertThat(v.silent()).isFalse();
    assertThat(v.expectedSinceLast()).isZero();
  }

  @Test
  void negativeBinomialNeedsMoreExpectedEventsThanPoisson() {
    Baseline nb = constant(60, 0.5);
    assertThat(nb.distribution()).isEqualTo("NegativeBinomial");
    assertThat(nb.logProbabilityOfZero(2.0)).isCloseTo(-Math.log(2.0) / 0.5, within(1e-12));
    SilenceVerdict v =
        SilenceTest.judge(nb, LAST, LAST.plusSeconds(13 * 60), Sensitivity.defaults());
    assertThat(v.silent()).isFalse();
  }

  @Test
  void quietHoursExpectNoEvents() {
    double[] rates = new double[168];
    Arrays.fill(rates, 60);
    Instant maintenance = Instant.parse("2026-01-05T11:00:00Z");
    Baseline b =
        new Baseline(rates, 1.0, 0, ZoneOffset.UTC, Duration.ofDays(28), maintenance::equals);
    assertThat(b.expectedBetween(LAST, LAST.plusSeconds(3 * 3600))).isCloseTo(120, within(1e-9));
    assertThat(b.expectedRate(maintenance.plusSeconds(600))).isZero();
  }

  @Test
  void predictedSilenceIsTheInstantTheTestStartsFiring() {
    Baseline b = constant(60, 0);
    Sensitivity s = Sensitivity.defaults();
    // ln(1/alpha) = 12.506 expected events at one a minute: 12 min 30.371 s after the last event
    Instant at = SilenceTest.predictedSilenceAt(b, LAST, s, Duration.ofDays(1));
    assertThat(at).isEqualTo(Instant.parse("2026-01-05T10:12:30.371Z"));
    assertThat(SilenceTest.judge(b, LAST, at, s).silent()).isTrue();
    assertThat(SilenceTest.judge(b, LAST, at.minusMillis(1), s).silent()).isFalse();
  }

  @Test
  void predictedSilenceCrossesHoursAndSkipsQuietOnes() {
    double[] rates = new double[168];
    Arrays.fill(rates, 6);
    Instant maintenance = Instant.parse("2026-01-05T11:00:00Z");
    Baseline b =
        new Baseline(rates, 1.0, 0, ZoneOffset.UTC, Duration.ofDays(28), maintenance::equals);
    Sensitivity s = Sensitivity.defaults();
    Instant at = SilenceTest.predictedSilenceAt(b, LAST, s, Duration.ofDays(1));
    // 6 expected in 10:00-11:00, none in the quiet 11:00 hour, then 6 an hour again
    double needed = Math.log(1 / s.alpha(b));
    assertThat(needed).isCloseTo(10.2036, within(1e-4));
    // 4.2036 events left after 12:00 at 6 an hour: 42 min 2.156 s
    assertThat(at).isEqualTo(Instant.parse("2026-01-05T12:42:02.156Z"));
    assertThat(SilenceTest.judge(b, LAST, at, s).silent()).isTrue();
    assertThat(SilenceTest.judge(b, LAST, at.minusMillis(1), s).silent()).isFalse();
    assertThat(SilenceTest.predictedSilenceAt(b, LAST, s, Duration.ofHours(2))).isNull();
  }

  @Test
  void predictedSilenceOfNegativeBinomialInvertsItsZeroProbability() {
    Baseline nb = constant(60, 0.5);
    Sensitivity s = Sensitivity.defaults();
    Instant at = SilenceTest.predictedSilenceAt(nb, LAST, s, Duration.ofDays(7));
    assertThat(SilenceTest.judge(nb, LAST, at, s).silent()).isTrue();
    assertThat(SilenceTest.judge(nb, LAST, at.minusMillis(1), s).silent()).isFalse();
  }

  @Test
  void eventsAlreadySeenInTheHourSetTheRestOfItsNegativeBinomialRate() {
    // a = 0.5: each hour's multiplier is Gamma(shape 2, rate 2) a priori; 30 events in the first
    // half of an hour expecting 60 make it Gamma(32, 32): the rest of the hour is nearly Poisson
    Baseline nb = constant(60, 0.5);
    Instant half = Instant.parse("2026-01-05T10:30:00Z");
    Instant tenLater = half.plusSeconds(600);
    assertThat(nb.logProbabilityOfNone(half, tenLater))
        .isCloseTo(-Math.log(6) / 0.5, within(1e-12));
    assertThat(nb.logProbabilityOfNone(half, tenLater, 30))
        .isCloseTo(-32 * Math.log1p(10 / 32.0), within(1e-12));
    // a quiet first half makes a silence more likely, not less
    assertThat(nb.logProbabilityOfNone(half, tenLater, 0))
        .isCloseTo(-2 * Math.log1p(10 / 32.0), within(1e-12));
    // the next hour has its own multiplier: unconditional again
    assertThat(nb.logProbabilityOfNone(half, half.plusSeconds(40 * 60), 30))
        .isCloseTo(-32 * Math.log1p(30 / 32.0) - Math.log(6) / 0.5, within(1e-12));
    // Poisson: the count changes nothing
    Baseline poisson = constant(60, 0);
    assertThat(poisson.logProbabilityOfNone(half, tenLater, 30)).isCloseTo(-10, within(1e-12));
  }

  @Test
  void silenceAfterABusyStartOfTheHourFiresAtItsConditionalCrossing() {
    Baseline nb = constant(60, 0.5);
    Sensitivity s = Sensitivity.defaults();
    Instant half = Instant.parse("2026-01-05T10:30:00Z");
    // ln(1/alpha) = 12.506; 32 ln(1 + mu / 32) reaches it at mu = 32 expm1(12.506 / 32) = 15.302
    // expected events: 15 min 18.124 s at one a minute (unconditionally: not within the hour)
    Instant at = SilenceTest.predictedSilenceAt(nb, half, s, Duration.ofDays(1), 30);
    assertThat(at).isEqualTo(Instant.parse("2026-01-05T10:45:18.124Z"));
    assertThat(SilenceTest.judge(nb, half, at, s, 30).silent()).isTrue();
    assertThat(SilenceTest.judge(nb, half, at.minusMillis(1), s, 30).silent()).isFalse();
    assertThat(SilenceTest.judge(nb, half, at, s).silent()).isFalse();
    assertThat(SilenceTest.predictedSilenceAt(nb, half, s, Duration.ofDays(1)))
        .isAfter(Instant.parse("2026-01-05T11:00:00Z"));
  }
}
