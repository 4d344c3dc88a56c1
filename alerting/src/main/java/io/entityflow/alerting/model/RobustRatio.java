package io.entityflow.alerting.model;

import java.util.Arrays;

/**
 * A ratio of observed to expected events over several parts (e.g. days) that ignores the parts
 * which disagree with the others: the median of the parts' ratios is taken first, then every part
 * whose count lies more than {@link #BAND} standard deviations (plus {@link #SLACK} events) from
 * {@code median * expected} is left out, and the ratio of the remaining sums is shrunk towards
 * {@code target} with {@code prior} pseudo-events. An outage or a spike of less than half of the
 * parts thus does not move it, while a lasting change does as soon as most parts show it.
 *
 * <pre>{@code
 * double level = RobustRatio.of(observed, expected, expectedSquares, 5, a, 20, 1.0);
 * }</pre>
 */
final class RobustRatio {
  /** Standard deviations a part may lie from the median's expectation. */
  static final double BAND = 3.0;

  /** Events added to the band, so that parts with few events are never left out for noise. */
  static final double SLACK = 2.0;

  private RobustRatio() {}

  /**
   * The ratio over parts {@code 0..parts-1}; {@code expectedSquares[j]} is the sum of squared
   * hourly expectations of part j (its Negative Binomial variance is {@code e + a * e2}). Parts
   * without expectation are ignored; {@code target} when none is left.
   */
  static double of(
      double[] observed,
      double[] expected,
      double[] expectedSquares,
      int parts,
      double overdispersion,
      double prior,
      double target) {
    return of(observed, expected, expectedSquares, parts, parts, overdispersion, prior, target);
  }

  /**
   * The same ratio, with the median taken over the first {@code medianParts} parts only (e.g. the
   * newest days): every part that agrees with it still counts, so a change that most of those parts
   * show is followed as soon as they show it, with the precision of all parts that agree.
   */
  static double of(
      double[] observed,
      double[] expected,
      double[] expectedSquares,
      int parts,
      int medianParts,
      double overdispersion,
      double prior,
      double target) {
    double[] ratios = new double[parts];
    int n = 0;
    for (int j = 0; j < Math.min(parts, medianParts); j++) {
      if (expected[j] > 0) {
        ratios[n++] = observed[j] / expected[j];
      }
    }
    if (n == 0) {
      return target;
    }
    double median = median(ratios, n);
    double o = 0;
    double e = 0;
    for (int j = 0; j < parts; j++) {
      if (expected[j] <= 0) {
        continue;
      }
      double mean = median * expected[j];
      double sd = Math.sqrt(mean + overdispersion * median * median * expectedSquares[j]);
      if (Math.abs(observed[j] - mean) <= BAND * sd + SLACK) {
        o += observed[j];
        e += expected[j];
      }
    }
    return (o + prior * target) / (e + prior);
  }

  /** The median of the first {@code n} values (mean of the middle two when n is even). */
  static double median(double[] values, int n) {
    double[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
