package io.entityflow.alerting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The recovery test's verdicts, with and without a partial drop's break-even. */
class RecoveryTestTest {
  private static final Instant FROM = Instant.parse("2026-01-05T10:00:00Z");
  private static final Instant TO = FROM.plusSeconds(20 * 60);

  @Test
  void windowAtTheDroppedLevelDoesNotEndADropIncident() {
    Baseline b = SilenceTestTest.constant(60, 0);
    RecoveryTest test = RecoveryTest.defaults();
    // 20 expected in 20 minutes; 14 observed (70%, a lasting -30% level) is consistent with 20
    RecoveryVerdict silence = test.judge(b, FROM, TO, 14);
    assertThat(silence.expected()).isCloseTo(20.0, within(1e-9));
    assertThat(silence.probabilityAtMost()).isCloseTo(0.104864, within(1e-6));
    assertThat(silence.decided()).isTrue();
    assertThat(silence.back()).isTrue();
    // a drop to 0.5 breaks even at 20 x 0.5 / ln 2 = 14.43 events: 14 still favours the drop
    RecoveryVerdict drop = test.judge(b, FROM, TO, 14, 0.5);
    assertThat(drop.decided()).isTrue();
    assertThat(drop.back()).isFalse();
    assertThat(test.judge(b, FROM, TO, 15, 0.5).back()).isTrue();
    // NaN (not a drop) or a ratio outside (0, 1) adds nothing
    assertThat(test.judge(b, FROM, TO, 14, Double.NaN).back()).isTrue();
    assertThat(test.judge(b, FROM, TO, 14, 1.0).back()).isTrue();
  }

  @Test
  void shortWindowIsUndecidedWhateverTheDrop() {
    Baseline b = SilenceTestTest.constant(60, 0);
    RecoveryVerdict v = RecoveryTest.defaults().judge(b, FROM, FROM.plusSeconds(5 * 60), 5, 0.5);
    assertThat(v.decided()).isFalse();
    assertThat(v.back()).isFalse();
  }
}
