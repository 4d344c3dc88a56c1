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
    assertThat(alpha).isCloseTo(0.2 / (60 * 168 * 30.0 / 7), within(1e-15));
    // ln(1/alpha) = 12.28 expected events = 12.28 minutes at 60/h
    assertThat(s.timeToDetect(alpha, 60)).isEqualTo(Duration.ofMillis(736_982));

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
}
