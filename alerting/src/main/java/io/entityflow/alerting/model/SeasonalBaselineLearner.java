package io.entityflow.alerting.model;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Learns a {@link Baseline} from hourly counts: the mean count per hour-of-week over recent weeks,
 * shrunk towards a day-of-week x hour-of-day product by empirical Bayes (the weight of each hour's
 * own mean is its signal variance over signal plus sampling variance, the signal variance being how
 * far hour-of-week means depart from the product beyond sampling noise), so noisy and low-volume
 * series borrow strength from their whole week while real weekday-specific shapes are kept; then
 * level-adjusted by the last week's observed / expected ratio; the over-dispersion is estimated by
 * the method of moments.
 *
 * <pre>{@code
 * Optional<Baseline> b = new SeasonalBaselineLearner(BaselineSettings.defaults())
 *     .learn(history.counts(), now, ZoneOffset.UTC, hour -> false);
 * }</pre>
 *
 * <p>Guarantees: only hours that ended before {@code judgedUntil - excludeRecent} and not quiet are
 * learned from; hours before the series' first event do not count as zeros; empty when the series
 * has less than {@code minHistory} of history or no events.
 */
public final class SeasonalBaselineLearner {
  /** Prior weight of the level adjustment, in events. */
  static final double LEVEL_PRIOR_EVENTS = 20.0;

  private final BaselineSettings settings;

  /** Creates a learner. */
  public SeasonalBaselineLearner(BaselineSettings settings) {
    this.settings = settings;
  }

  /** Learns the baseline as of {@code judgedUntil}. */
  public Optional<Baseline> learn(
      HourlyCounts counts, Instant judgedUntil, ZoneId zone, Predicate<Instant> quiet) {
    int first = counts.firstNonZero();
    if (first < 0) {
      return Optional.empty();
    }
    Instant trainEnd = judgedUntil.truncatedTo(ChronoUnit.HOURS).minus(settings.excludeRecent());
    Instant trainStart = trainEnd.minus(Duration.ofDays(7L * settings.weeks()));
    Instant firstHour = counts.hourStart(first);
    if (firstHour.isAfter(trainStart)) {
      trainStart = firstHour;
    }
    if (counts.start().isAfter(trainStart)) {
      trainStart = counts.start();
    }
    Duration history = Duration.between(trainStart, trainEnd);
    if (history.compareTo(settings.minHistory()) < 0 || history.isZero()) {
      return Optional.empty();
    }
    int from = counts.indexOf(trainStart);
    int to = Math.min(counts.indexOf(trainEnd), counts.size());
    double[] sum = new double[HourOfWeek.HOURS];
    double[] sumSq = new double[HourOfWeek.HOURS];
    int[] n = new int[HourOfWeek.HOURS];
    int[] index = new int[Math.max(0, to - from)];
    for (int i = from; i < to; i++) {
      Instant hour = counts.hourStart(i);
      int h = quiet.test(hour) ? -1 : HourOfWeek.of(hour, zone);
      index[i - from] = h;
      if (h >= 0) {
        double x = counts.count(i);
        sum[h] += x;
        sumSq[h] += x * x;
        n[h]++;
      }
    }
    double overdispersion = overdispersion(sum, sumSq, n);
    double[] rates = shrunkRates(sum, n, overdispersion);
    double level = level(counts, from, to, index, rates);
    return Optional.of(new Baseline(rates, level, overdispersion, zone, history, quiet));
  }

  private static double[] shrunkRates(double[] sum, int[] n, double overdispersion) {
    double[] daySum = new double[7];
    int[] dayN = new int[7];
    double[] hourSum = new double[24];
    int[] hourN = new int[24];
    double total = 0;
    int totalN = 0;
    for (int h = 0; h < HourOfWeek.HOURS; h++) {
      daySum[h / 24] += sum[h];
      dayN[h / 24] += n[h];
      hourSum[h % 24] += sum[h];
      hourN[h % 24] += n[h];
      total += sum[h];
      totalN += n[h];
    }
    double overall = totalN == 0 ? 0 : total / totalN;
    double[] prior = new double[HourOfWeek.HOURS];
    double excess = 0;
    double priorSq = 0;
    for (int h = 0; h < HourOfWeek.HOURS; h++) {
      double dayMean = dayN[h / 24] == 0 ? overall : daySum[h / 24] / dayN[h / 24];
      double hourFactor =
          hourN[h % 24] == 0 || overall == 0 ? 1 : (hourSum[h % 24] / hourN[h % 24]) / overall;
      prior[h] = dayMean * hourFactor;
      if (n[h] > 0 && prior[h] > 0) {
        double raw = sum[h] / n[h];
        double samplingVariance = (prior[h] + overdispersion * prior[h] * prior[h]) / n[h];
        excess += (raw - prior[h]) * (raw - prior[h]) - samplingVariance;
        priorSq += prior[h] * prior[h];
      }
    }
    // Empirical Bayes: how far hour-of-week means really depart from the day x hour product
    // (relative variance), beyond what sampling noise explains.
    double signal = priorSq <= 0 ? 0 : Math.max(0, excess / priorSq);
    double[] rates = new double[HourOfWeek.HOURS];
    for (int h = 0; h < HourOfWeek.HOURS; h++) {
      double raw = n[h] == 0 ? 0 : sum[h] / n[h];
      if (prior[h] <= 0) {
        rates[h] = raw;
      } else if (n[h] == 0) {
        rates[h] = prior[h];
      } else {
        double samplingVariance = (prior[h] + overdispersion * prior[h] * prior[h]) / n[h];
        double signalVariance = signal * prior[h] * prior[h];
        double weight = signalVariance / (signalVariance + samplingVariance);
        rates[h] = weight * raw + (1 - weight) * prior[h];
      }
    }
    return rates;
  }

  private static double overdispersion(double[] sum, double[] sumSq, int[] n) {
    double excess = 0;
    double meanSq = 0;
    for (int h = 0; h < HourOfWeek.HOURS; h++) {
      if (n[h] < 2) {
        continue;
      }
      double mean = sum[h] / n[h];
      double squares = sumSq[h] - n[h] * mean * mean;
      excess += squares * n[h] / (n[h] - 1) - n[h] * mean;
      meanSq += n[h] * mean * mean;
    }
    if (meanSq <= 0) {
      return 0;
    }
    double a = excess / meanSq;
    return a <= 0 ? 0 : Math.min(a, 2.0);
  }

  private static double level(HourlyCounts counts, int from, int to, int[] index, double[] rates) {
    double observed = 0;
    double expected = 0;
    for (int i = Math.max(from, to - 168); i < to; i++) {
      int h = index[i - from];
      if (h >= 0) {
        observed += counts.count(i);
        expected += rates[h];
      }
    }
    double level = (observed + LEVEL_PRIOR_EVENTS) / (expected + LEVEL_PRIOR_EVENTS);
    return Math.max(0.5, Math.min(2.0, level));
  }
}
