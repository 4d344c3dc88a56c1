package io.entityflow.alerting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The over-dispersion of the robust profile: with one week of history and with a few weeks. */
class RobustProfileTest {
  private static final int WEEK = 168;

  @Test
  void oneWeekOfHistoryMeasuresOverdispersionAroundTheDayByHourProduct() {
    // one week: 130 or 70 events an hour by the parity of day + hour, so every hour-of-week has a
    // single count (no across-week spread to measure: the estimate used to be 0, i.e. Poisson)
    int[] hourOfWeek = new int[WEEK];
    int[] age = new int[WEEK];
    double[] x = new double[WEEK];
    for (int h = 0; h < WEEK; h++) {
      hourOfWeek[h] = h;
      age[h] = WEEK - 1 - h;
      x[h] = (h / 24 + h % 24) % 2 == 0 ? 130 : 70;
    }
    RobustProfile p = RobustProfile.fit(hourOfWeek, age, x, WEEK);
    // the product (every day averages 100; an even hour averages (4 x 130 + 3 x 70) / 7, an odd
    // one (3 x 130 + 4 x 70) / 7) leaves squares 148114.29 over 168 - 30 degrees of freedom
    double even = (4 * 130 + 3 * 70) / 7.0;
    double odd = (3 * 130 + 4 * 70) / 7.0;
    double squares = 84 * (4 * Math.pow(130 - even, 2) + 3 * Math.pow(70 - even, 2)) / 7 * 2;
    double meanSq = 84 * (even * even + odd * odd);
    double expected = (squares * 168 / 138 - 16800) / meanSq;
    assertThat(expected).isCloseTo(0.09715, within(1e-5));
    assertThat(p.overdispersion()).isCloseTo(expected, within(1e-12));
  }

  @Test
  void fiveWeeksOfOverdispersedCountsAreNotCutToALowerSpread() {
    // 300 expected an hour, a Gamma multiplier per hour of coefficient of variation 0.35 (a =
    // 0.1225, skewed: its left tail is short, its right tail long)
    SplittableRandom random = new SplittableRandom(7);
    int n = 5 * WEEK;
    int[] hourOfWeek = new int[n];
    int[] age = new int[n];
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      hourOfWeek[i] = i % WEEK;
      age[i] = n - 1 - i;
      double rate = 300 * gamma(random, 1 / 0.1225) * 0.1225;
      x[i] = Math.max(0, Math.round(rate + Math.sqrt(rate) * random.nextGaussian()));
    }
    RobustProfile p = RobustProfile.fit(hourOfWeek, age, x, n);
    // the median absolute deviation of 5 counts without its small-sample factor (1.206), and the
    // band cut around the median of 5 weeks, left genuine spread out: the estimate was 0.1021
    assertThat(p.overdispersion()).isCloseTo(0.1145, within(1e-4));
  }

  @Test
  void medianAbsoluteDeviationIsCorrectedForFewCounts() {
    assertThat(RobustProfile.smallSampleFactor(1)).isEqualTo(1.0);
    assertThat(RobustProfile.smallSampleFactor(3)).isEqualTo(1.495);
    assertThat(RobustProfile.smallSampleFactor(5)).isEqualTo(1.206);
    assertThat(RobustProfile.smallSampleFactor(10)).isCloseTo(10 / 9.2, within(1e-12));
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang (shape >= 1). */
  private static double gamma(SplittableRandom random, double shape) {
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z = random.nextGaussian();
      double v = 1 + c * z;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      if (Math.log(random.nextDouble()) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }
}
