package io.entityflow.alerting.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The silence test of several series taken as one stream (the sum of all watched series, behind
 * "ingestion down"): the probability that none of them had an event since {@code since} is the
 * product of each series' probability of none, so its logarithm is the sum of theirs.
 *
 * <pre>{@code
 * CombinedSilence all = new CombinedSilence(baselines, latestEventOfAnySeries);
 * boolean down = all.logProbabilityOfNone(judgedUntil) < Math.log(alpha);
 * Instant evaluateAgainAt = all.improbableSilenceAt(Math.log(alpha), latest.plus(Duration.ofDays(1)));
 * }</pre>
 *
 * <p>Guarantees: immutable; {@link #logProbabilityOfNone(Instant)} adds each baseline's {@link
 * Baseline#logProbabilityOfNone(Instant, Instant)} in list order, and {@link
 * #improbableSilenceAt(double, Instant)} returns the first millisecond (after {@code since}) at
 * which that very sum falls below the threshold, so an evaluation judging up to the predicted
 * instant finds the combined silence.
 */
public final class CombinedSilence {
  private final List<Baseline> baselines;
  private final Instant since;

  /** The stream of {@code baselines}, silent since {@code since}. */
  public CombinedSilence(List<Baseline> baselines, Instant since) {
    this.baselines = List.copyOf(baselines);
    this.since = since;
  }

  /** The last event of any of the series: the start of the combined silence. */
  public Instant since() {
    return since;
  }

  /** How many series the stream combines. */
  public int size() {
    return baselines.size();
  }

  /** Log probability that no series had an event in {@code [since, to)}. */
  public double logProbabilityOfNone(Instant to) {
    double sum = 0;
    for (Baseline b : baselines) {
      sum += b.logProbabilityOfNone(since, to);
    }
    return sum;
  }

  /** Expected events of all series in {@code [since, to)}. */
  public double expectedUntil(Instant to) {
    double sum = 0;
    for (Baseline b : baselines) {
      sum += b.expectedBetween(since, to);
    }
    return sum;
  }

  /** Expected events of all series in a 30-day month. */
  public double expectedPerMonth() {
    double perMonth = 0;
    for (Baseline b : baselines) {
      perMonth += b.expectedPerWeek() * 30.0 / 7.0;
    }
    return perMonth;
  }

  /**
   * The earliest millisecond after {@code since} at which {@link #logProbabilityOfNone(Instant)}
   * falls below {@code logAlpha}, searched up to {@code horizon}; null when that does not happen
   * within the horizon. Each baseline's rate is constant within a UTC hour, so the search walks
   * whole hours (keeping each baseline's running sum exactly as {@link
   * Baseline#logProbabilityOfNone(Instant, Instant)} accumulates it) and bisects inside the hour of
   * the crossing.
   */
  public Instant improbableSilenceAt(double logAlpha, Instant horizon) {
    double[] before = new double[baselines.size()];
    Instant start = since;
    while (start.isBefore(horizon)) {
      Instant hourEnd = start.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
      Instant end = hourEnd.isAfter(horizon) ? horizon : hourEnd;
      if (sumUntil(before, start, end) < logAlpha) {
        return bisect(before, start, end, logAlpha);
      }
      for (int i = 0; i < before.length; i++) {
        before[i] += baselines.get(i).logProbabilityOfNone(start, end);
      }
      start = end;
    }
    return null;
  }

  /** The combined sum at {@code t} within the hour starting at {@code start}. */
  private double sumUntil(double[] before, Instant start, Instant t) {
    double sum = 0;
    for (int i = 0; i < before.length; i++) {
      sum += before[i] + baselines.get(i).logProbabilityOfNone(start, t);
    }
    return sum;
  }

  /** Smallest {@code start + k ms} in {@code (start, end]} whose sum is below {@code logAlpha}. */
  private Instant bisect(double[] before, Instant start, Instant end, double logAlpha) {
    long lo = 0;
    long hi = end.toEpochMilli() - start.toEpochMilli();
    Instant found = end;
    while (hi - lo > 1) {
      long mid = (lo + hi) >>> 1;
      Instant t = start.plusMillis(mid);
      if (sumUntil(before, start, t) < logAlpha) {
        hi = mid;
        found = t;
      } else {
        lo = mid;
      }
    }
    return found;
  }
}
