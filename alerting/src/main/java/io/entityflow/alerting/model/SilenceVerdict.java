package io.entityflow.alerting.model;

import java.time.Duration;
import java.time.Instant;

/**
 * The outcome of the silence test for one series.
 *
 * <pre>{@code
 * SilenceVerdict v = SilenceTest.judge(baseline, lastEventAt, watermark, alpha, sensitivity);
 * if (v.silent()) { ... v.expectedSinceLast() ... }
 * }</pre>
 *
 * @param silent true when "no event since the last one" is improbable ({@code p < alpha})
 * @param lastEventAt the latest event
 * @param judgedUntil end of the judged span (the ingestion watermark)
 * @param expectedSinceLast expected events in {@code [lastEventAt, judgedUntil)}
 * @param logProbabilityOfNone ln P(no event in that span)
 * @param alpha the significance
 * @param timeToDetect time a total silence takes to detect at the current expected rate, or null
 */
public record SilenceVerdict(
    boolean silent,
    Instant lastEventAt,
    Instant judgedUntil,
    double expectedSinceLast,
    double logProbabilityOfNone,
    double alpha,
    Duration timeToDetect) {

  /** P(no event in the span). */
  public double probabilityOfNone() {
    return Math.exp(logProbabilityOfNone);
  }
}
