package io.entityflow.alerting.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Partial-drop detection: a one-sided Poisson CUSUM over complete hourly buckets testing the
 * expected rate against {@code ratio} times it. Each hour adds the log-likelihood ratio {@code x
 * ln(ratio) + mu (1 - ratio)}, divided by {@code 1 + a mu} under over-dispersion
 * (quasi-likelihood), and the statistic is floored at 0. It alarms when the statistic exceeds the
 * threshold and the last complete hour still raised it: once the drop is over the statistic only
 * decays (for hours after a total silence), and the incident's recovery test decides the end.
 *
 * <pre>{@code
 * DropVerdict v = new DropCusum(0.5, 48).judge(baseline, counts, watermark, sensitivity);
 * }</pre>
 *
 * <p>Guarantees: only hours that ended at or before {@code judgedUntil} are judged; hours for which
 * {@link Baseline#judgesDrops(Instant)} is false (calendar periods without last year's data) are
 * skipped; stateless (the statistic is recomputed over the last {@code windowHours}).
 *
 * @param ratio the drop to detect, e.g. 0.5 for "half the expected events"
 * @param windowHours complete hours the statistic runs over
 */
public record DropCusum(double ratio, int windowHours) {
  /** Validates the parameters. */
  public DropCusum {
    if (!(ratio > 0 && ratio < 1)) {
      throw new IllegalArgumentException("drop ratio must be in (0, 1), got " + ratio);
    }
    if (windowHours < 1) {
      throw new IllegalArgumentException("drop window must be at least 1 hour, got " + windowHours);
    }
  }

  /** Half the expected rate over 48 hours. */
  public static DropCusum defaults() {
    return new DropCusum(0.5, 48);
  }

  /** Runs the CUSUM up to the last complete hour before {@code judgedUntil}. */
  public DropVerdict judge(
      Baseline baseline, HourlyCounts counts, Instant judgedUntil, Sensitivity sensitivity) {
    double threshold = sensitivity.cusumThreshold();
    int end = counts.indexOf(judgedUntil.truncatedTo(ChronoUnit.HOURS));
    int start = Math.max(0, end - windowHours);
    double logRatio = Math.log(ratio);
    double s = 0;
    double lastLlr = 0;
    int runStart = -1;
    long observed = 0;
    double expected = 0;
    for (int i = start; i < Math.min(end, counts.size()); i++) {
      if (!baseline.judgesDrops(counts.hourStart(i))) {
        continue;
      }
      double mu = baseline.expectedRate(counts.hourStart(i));
      long x = counts.count(i);
      double llr = (x * logRatio + mu * (1 - ratio)) / (1 + baseline.overdispersion() * mu);
      s = Math.max(0, s + llr);
      lastLlr = llr;
      if (s == 0) {
        runStart = -1;
        observed = 0;
        expected = 0;
      } else {
        if (runStart < 0) {
          runStart = i;
        }
        observed += x;
        expected += mu;
      }
    }
    Instant since = runStart < 0 ? null : counts.hourStart(runStart);
    // an alarm while the statistic still climbs: after the drop ended (or after a total silence,
    // which the silence test judges) the statistic only decays, hours after traffic came back
    return new DropVerdict(s > threshold && lastLlr > 0, s, threshold, since, observed, expected);
  }
}
