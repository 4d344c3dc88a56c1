package io.entityflow.alerting.model;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a series in an incident is back to normal by its own model: the events counted since the
 * recovery window started are consistent with the baseline's expectation for that window. The
 * window must hold at least {@code minExpected} expected events (or have lasted {@code
 * maxDuration}, for low-volume series) and last at least {@code minDuration}; then it is judged:
 * back when at least one event arrived and {@code P(X <= observed) >= alpha} under the baseline's
 * Poisson or Negative Binomial law (and, for a drop or a silence, the count is above the drop's
 * break-even, see {@link #judge(Baseline, Instant, Instant, long, double)}); still low otherwise.
 * Until then it is undecided.
 *
 * <pre>{@code
 * RecoveryTest test = RecoveryTest.defaults();
 * RecoveryVerdict v = test.judge(baseline, windowStart, judgedUntil, eventsSinceWindowStart);
 * if (v.decided() && v.back()) { ... resolve ... }
 * }</pre>
 *
 * <p>Guarantees: deterministic; a window without any event is never "back" (a resolve message never
 * says "back: 0"); quiet hours expect no events.
 *
 * @param alpha smallest {@code P(X <= observed)} still consistent with the expectation (default
 *     0.01)
 * @param minExpected expected events a window needs before it is judged (default 20)
 * @param minDuration shortest window (default 10 minutes)
 * @param maxDuration longest window: judged then even with fewer expected events (default 3 hours)
 */
public record RecoveryTest(
    double alpha, double minExpected, Duration minDuration, Duration maxDuration) {

  /** Validates. */
  public RecoveryTest {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("recovery alpha must be in (0, 1), got " + alpha);
    }
    if (!(minExpected >= 0)) {
      throw new IllegalArgumentException(
          "recovery min-expected must be at least 0, got " + minExpected);
    }
    if (minDuration.isNegative() || maxDuration.compareTo(minDuration) < 0) {
      throw new IllegalArgumentException(
          "recovery durations need 0 <= min-duration <= max-duration, got "
              + minDuration
              + " and "
              + maxDuration);
    }
  }

  /** alpha 0.01, 20 expected events, at least 10 minutes, at most 3 hours. */
  public static RecoveryTest defaults() {
    return new RecoveryTest(0.01, 20, Duration.ofMinutes(10), Duration.ofHours(3));
  }

  /** Judges the {@code observed} events of {@code [from, to)}. */
  public RecoveryVerdict judge(Baseline baseline, Instant from, Instant to, long observed) {
    return judge(baseline, from, to, observed, Double.NaN);
  }

  /**
   * Judges the {@code observed} events of {@code [from, to)} of an incident whose condition is a
   * drop (or a silence, the deepest drop) of a rule with {@code dropRatio} (NaN or outside (0, 1):
   * none): back also needs the window's evidence not to favour the dropped rate, i.e. its drop
   * log-likelihood ratio {@code observed ln(r) + expected (1 - r)} below 0, or {@code observed >
   * expected (1 - r) / ln(1 / r)} (72% of the expectation for r = 0.5). A window at a lasting lower
   * level (e.g. -30%) is consistent with the expectation at alpha when short, but not past this
   * break-even, so it does not end the incident.
   */
  public RecoveryVerdict judge(
      Baseline baseline, Instant from, Instant to, long observed, double dropRatio) {
    double expected = baseline.expectedBetween(from, to);
    Duration length = Duration.between(from, to);
    boolean decided =
        length.compareTo(minDuration) >= 0
            && (expected >= minExpected || length.compareTo(maxDuration) >= 0);
    double p = probabilityAtMost(observed, expected, baseline.overdispersion());
    boolean aboveDrop =
        !(dropRatio > 0 && dropRatio < 1)
            || observed > expected * (1 - dropRatio) / Math.log(1 / dropRatio);
    boolean back = decided && observed > 0 && p >= alpha && aboveDrop;
    return new RecoveryVerdict(from, to, observed, expected, p, alpha, decided, back);
  }

  /**
   * {@code P(X <= k)} for a count with mean {@code mu}: Poisson when {@code a} is 0, else Negative
   * Binomial with variance {@code mu + a mu^2}. 1 when {@code k >= mu} is not needed exactly: the
   * sum is exact for every {@code k}.
   */
  static double probabilityAtMost(long k, double mu, double a) {
    if (mu <= 0) {
      return 1;
    }
    double logPmf;
    double logStep;
    double sum = 0;
    if (a <= 0) {
      logPmf = -mu;
      for (long i = 0; i <= k; i++) {
        if (i > 0) {
          logPmf += Math.log(mu) - Math.log(i);
        }
        sum += Math.exp(logPmf);
        if (sum >= 1) {
          return 1;
        }
      }
      return Math.min(1, sum);
    }
    double r = 1 / a;
    double p = r / (r + mu);
    logPmf = r * Math.log(p);
    logStep = Math.log1p(-p);
    for (long i = 0; i <= k; i++) {
      if (i > 0) {
        logPmf += Math.log(i - 1 + r) - Math.log(i) + logStep;
      }
      sum += Math.exp(logPmf);
      if (sum >= 1) {
        return 1;
      }
    }
    return Math.min(1, sum);
  }
}
