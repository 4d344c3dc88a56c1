package io.entityflow.alerting.model;

import java.time.Duration;
import java.time.Instant;

/**
 * Total-silence detection: fires when the probability of seeing no event since the last one, given
 * the expected rate, falls below {@code alpha}. Under Poisson this happens once {@code ln(1/alpha)}
 * events were expected, so the time to detect is known in advance for each series.
 *
 * <pre>{@code
 * SilenceVerdict v = SilenceTest.judge(baseline, lastEventAt, watermark, sensitivity);
 * }</pre>
 *
 * <p>Guarantees: nothing after {@code judgedUntil} is judged; a last event at or after {@code
 * judgedUntil} is never silent.
 */
public final class SilenceTest {
  private SilenceTest() {}

  /** Judges the span from the last event to {@code judgedUntil}, the last event's hour unknown. */
  public static SilenceVerdict judge(
      Baseline baseline, Instant lastEventAt, Instant judgedUntil, Sensitivity sensitivity) {
    return judge(baseline, lastEventAt, judgedUntil, sensitivity, Baseline.UNKNOWN);
  }

  /**
   * Judges the span from the last event to {@code judgedUntil}; {@code seenInLastEventHour} events
   * arrived in the hour of the last event (its hourly count, or {@link Baseline#UNKNOWN}): under
   * Negative Binomial the rest of that hour is judged at the rate the hour showed ({@link
   * Baseline#logProbabilityOfNone(Instant, Instant, long)}).
   */
  public static SilenceVerdict judge(
      Baseline baseline,
      Instant lastEventAt,
      Instant judgedUntil,
      Sensitivity sensitivity,
      long seenInLastEventHour) {
    double alpha = sensitivity.alpha(baseline);
    double rate = baseline.expectedRate(judgedUntil);
    if (rate <= 0) {
      rate = baseline.expectedRate(judgedUntil.minusSeconds(1));
    }
    var timeToDetect = sensitivity.timeToDetect(alpha, rate);
    if (lastEventAt == null || !lastEventAt.isBefore(judgedUntil)) {
      return new SilenceVerdict(false, lastEventAt, judgedUntil, 0, 0, alpha, timeToDetect);
    }
    double expected = baseline.expectedBetween(lastEventAt, judgedUntil);
    double logP = baseline.logProbabilityOfNone(lastEventAt, judgedUntil, seenInLastEventHour);
    return new SilenceVerdict(
        logP < Math.log(alpha), lastEventAt, judgedUntil, expected, logP, alpha, timeToDetect);
  }

  /**
   * When a series whose last event was at {@code lastEventAt} becomes significantly silent if no
   * further event arrives: the instant at which the silence test starts firing, or null when that
   * is not within {@code horizon} of the last event. The service schedules its next evaluation
   * there; the backtest evaluates there.
   */
  public static Instant predictedSilenceAt(
      Baseline baseline, Instant lastEventAt, Sensitivity sensitivity, Duration horizon) {
    return predictedSilenceAt(baseline, lastEventAt, sensitivity, horizon, Baseline.UNKNOWN);
  }

  /**
   * The same as {@link #predictedSilenceAt(Baseline, Instant, Sensitivity, Duration)} with the
   * count of the last event's hour, as {@link #judge(Baseline, Instant, Instant, Sensitivity,
   * long)} judges it.
   */
  public static Instant predictedSilenceAt(
      Baseline baseline,
      Instant lastEventAt,
      Sensitivity sensitivity,
      Duration horizon,
      long seenInLastEventHour) {
    if (lastEventAt == null) {
      return null;
    }
    return baseline.improbableSilenceAt(
        lastEventAt,
        Math.log(sensitivity.alpha(baseline)),
        lastEventAt.plus(horizon),
        seenInLastEventHour);
  }
}
