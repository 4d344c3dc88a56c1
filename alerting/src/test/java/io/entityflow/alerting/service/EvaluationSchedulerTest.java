package io.entityflow.alerting.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.alerting.evaluation.Evaluation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationSchedulerTest {
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration GAP = Duration.ofSeconds(5);

  private static Evaluation evaluation(Instant judgedUntil, Instant nextSilenceAt) {
    return new Evaluation(T0, judgedUntil, judgedUntil, List.of(), List.of(), nextSilenceAt);
  }

  @Test
  void withoutPredictionTheNextEvaluationIsOneIntervalLater() {
    assertThat(EvaluationScheduler.nextDelay(evaluation(T0, null), T0.plusMillis(800), MINUTE, GAP))
        .isEqualTo(Duration.ofMillis(59_200));
  }

  @Test
  void predictedSilenceBeforeTheNextTickBringsTheEvaluationForward() {
    Evaluation e = evaluation(T0, T0.plusSeconds(17));
    assertThat(EvaluationScheduler.nextDelay(e, T0.plusSeconds(1), MINUTE, GAP))
        .isEqualTo(Duration.ofSeconds(16));
  }

  @Test
  void predictionIsShiftedByTheIngestionLag() {
    // judged through 09:59:30 (30 s behind the clock): the crossing at 10:00:10 of judged time is
    // seen when the watermark passes it, about 30 s later
    Evaluation e = evaluation(T0.minusSeconds(30), T0.plusSeconds(10));
    assertThat(EvaluationScheduler.nextDelay(e, T0, MINUTE, GAP)).isEqualTo(Duration.ofSeconds(40));
  }

  @Test
  void broughtForwardEvaluationsKeepTheMinimumGap() {
    Evaluation e = evaluation(T0, T0.plusSeconds(1));
    assertThat(EvaluationScheduler.nextDelay(e, T0, MINUTE, GAP)).isEqualTo(GAP);
  }

  @Test
  void predictionAfterTheNextTickIsIgnored() {
    Evaluation e = evaluation(T0, T0.plusSeconds(600));
    assertThat(EvaluationScheduler.nextDelay(e, T0, MINUTE, GAP)).isEqualTo(MINUTE);
  }
}
