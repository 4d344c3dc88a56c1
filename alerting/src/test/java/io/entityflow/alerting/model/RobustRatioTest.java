package io.entityflow.alerting.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RobustRatioTest {
  private static final double[] EXPECTED = {1000, 1000, 1000, 1000, 1000};
  private static final double[] SQUARES = {0, 0, 0, 0, 0};

  @Test
  void aShiftShownByTwoOfTheNewestThreeDaysIsFollowedWhenTheMedianIsTakenOverThem() {
    // newest first: two days 30% lower, then three days at the old level
    double[] observed = {700, 700, 1000, 1000, 1000};
    // median of the newest 3 days 0.7: the old days lie 300 from 700, beyond 3 sd (79.4) + 2
    // events, and are left out; (1400 + 20) / (2000 + 20)
    assertThat(RobustRatio.of(observed, EXPECTED, SQUARES, 5, 3, 0, 20, 1.0))
        .isEqualTo(1420.0 / 2020.0);
    // median of all 5 days 1.0: the two shifted days are left out instead
    assertThat(RobustRatio.of(observed, EXPECTED, SQUARES, 5, 5, 0, 20, 1.0)).isEqualTo(1.0);
    assertThat(RobustRatio.of(observed, EXPECTED, SQUARES, 5, 0, 20, 1.0)).isEqualTo(1.0);
  }

  @Test
  void daysThatAgreeAllCountWhateverTheDaysOfTheMedian() {
    double[] observed = {1000, 990, 1010, 1020, 1030};
    // every day lies within the band of the newest 3 days' median (1.0): all 5 count, so the
    // level has the precision of 5 days: (5050 + 20) / (5000 + 20)
    assertThat(RobustRatio.of(observed, EXPECTED, SQUARES, 5, 3, 0, 20, 1.0))
        .isEqualTo(5070.0 / 5020.0);
  }

  @Test
  void anOutageDayAmongTheNewestThreeIsLeftOut() {
    double[] observed = {1000, 30, 1000, 1000, 1000};
    // median of the newest 3 days 1.0: the outage day is left out, the other 4 count
    assertThat(RobustRatio.of(observed, EXPECTED, SQUARES, 5, 3, 0, 20, 1.0))
        .isEqualTo(4020.0 / 4020.0);
  }
}
