package io.entityflow.alerting.model;

import java.time.Duration;

/**
 * How sensitive detection is, expressed as the false-alert budget per series per month. The budget
 * is shared by the two tests of a learned series so that together they stay within it (Bonferroni):
 * the silence test gets {@link #SILENCE_SHARE} (80%), the drop CUSUM the rest (20%). The silence
 * test's significance {@code alpha} follows from its share: a series with {@code E} expected events
 * per month produces about {@code E * alpha} false silences a month, so {@code alpha = 0.8 budget /
 * E}. The CUSUM's threshold is {@code ln(720 / (0.2 budget))} (its false-alarm run length is at
 * least {@code e^h} hours).
 *
 * <pre>{@code
 * Sensitivity s = Sensitivity.parse("medium");
 * double alpha = s.alpha(baseline); // e.g. 2.2e-6 for 100 events/hour
 * Duration detect = s.timeToDetect(alpha, 100.0); // about 8 minutes
 * }</pre>
 *
 * @param falseAlertsPerMonth the budget; larger is more sensitive
 */
public record Sensitivity(double falseAlertsPerMonth) {
  /** Smallest alpha used, whatever the volume. */
  public static final double MIN_ALPHA = 1e-9;

  /** Largest alpha used, for very low volumes. */
  public static final double MAX_ALPHA = 0.01;

  /**
   * The silence test's share of the budget; the drop CUSUM gets {@code 1 - SILENCE_SHARE}. The
   * silence test gets most of it because total silences are what must be caught fastest, and the
   * CUSUM's bound {@code e^h} on its false-alarm run length is loose (it spends well under its
   * nominal share).
   */
  public static final double SILENCE_SHARE = 0.8;

  /** Validates the budget. */
  public Sensitivity {
    if (!(falseAlertsPerMonth > 0) || falseAlertsPerMonth > 30) {
      throw new IllegalArgumentException(
          "sensitivity must be low, medium, high or a false-alert budget per month in (0, 30], got "
              + falseAlertsPerMonth);
    }
  }

  /** The default ({@code medium}: 0.2 false alerts per series per month). */
  public static Sensitivity defaults() {
    return new Sensitivity(0.2);
  }

  /** Parses {@code low} (0.05), {@code medium} (0.2), {@code high} (1) or a number. */
  public static Sensitivity parse(String value) {
    switch (value == null ? "" : value.trim()) {
      case "low":
        return new Sensitivity(0.05);
      case "medium":
        return new Sensitivity(0.2);
      case "high":
        return new Sensitivity(1.0);
      default:
        try {
          return new Sensitivity(Double.parseDouble(value.trim()));
        } catch (NumberFormatException | NullPointerException e) {
          throw new IllegalArgumentException(
              "sensitivity must be low, medium, high or a false-alert budget per month in (0, 30],"
                  + " got '"
                  + value
                  + "'");
        }
    }
  }

  /**
   * The silence test's significance for a series with this baseline: its {@link #SILENCE_SHARE} of
   * the budget over the expected events per month, within [{@link #MIN_ALPHA}, {@link #MAX_ALPHA}].
   */
  public double alpha(Baseline baseline) {
    double perMonth = baseline.expectedPerWeek() * 30.0 / 7.0;
    if (perMonth <= 0) {
      return MAX_ALPHA;
    }
    return Math.max(MIN_ALPHA, Math.min(MAX_ALPHA, falseAlertsPerMonth * SILENCE_SHARE / perMonth));
  }

  /**
   * The CUSUM decision threshold for hourly buckets: {@code ln(720 / (budget x (1 -
   * SILENCE_SHARE)))}.
   */
  public double cusumThreshold() {
    return Math.log(720.0 / (falseAlertsPerMonth * (1 - SILENCE_SHARE)));
  }

  /**
   * The Poisson-optimal time to detect a total silence: {@code ln(1/alpha)} expected events at
   * {@code ratePerHour}; null when nothing is expected.
   */
  public Duration timeToDetect(double alpha, double ratePerHour) {
    if (ratePerHour <= 0) {
      return null;
    }
    return Duration.ofMillis(Math.round(Math.log(1 / alpha) / ratePerHour * 3_600_000));
  }
}
