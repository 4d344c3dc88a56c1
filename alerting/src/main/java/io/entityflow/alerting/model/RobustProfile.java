package io.entityflow.alerting.model;

import java.util.Arrays;

/**
 * The hour-of-week profile of a series, estimated robustly from its hourly counts over several
 * weeks:
 *
 * <ol>
 *   <li>each training week (168 hours back from the end of training) gets a level, the {@link
 *       RobustRatio} of its days' counts to the hour-of-week means (20 pseudo-events), divided by
 *       the median of the weeks' levels; each count is divided by its week's level, so a lasting
 *       level shift inside the training weeks does not distort the shape;
 *   <li>per hour-of-week, counts further than {@link #BAND} standard deviations plus {@link #SLACK}
 *       events from the median of the weeks are left out (spikes, outages, abnormal weeks while
 *       they are a minority); the spread is Negative Binomial with an over-dispersion estimated
 *       from the median absolute deviation, so abnormal weeks cannot widen it;
 *   <li>the remaining counts are averaged and shrunk towards a day-of-week x hour-of-day product by
 *       empirical Bayes; their over-dispersion is estimated by the method of moments.
 * </ol>
 *
 * <pre>{@code
 * RobustProfile p = RobustProfile.fit(hourOfWeek, hoursBeforeEnd, counts, n);
 * double monday9 = p.rates()[9];
 * }</pre>
 *
 * <p>Guarantees: with counts that agree across weeks nothing is left out and every week's level is
 * 1, so the profile is the plain mean per hour-of-week (then shrunk).
 */
final class RobustProfile {
  /** Standard deviations a count may lie from its hour-of-week's median. */
  static final double BAND = 3.0;

  /** Events added to the band so that low counts are never left out for Poisson noise. */
  static final double SLACK = 2.0;

  /** Pseudo-events of a week's level (towards 1). */
  static final double WEEK_PRIOR_EVENTS = 20.0;

  /** Counts an hour-of-week needs for the across-week over-dispersion estimate to be used alone. */
  static final int MIN_WEEKS_FOR_MOMENTS = 3;

  private static final int HOURS = HourOfWeek.HOURS;
  private static final double MAD_TO_SD = 1.4826;

  private final double[] rates;
  private final double overdispersion;

  private RobustProfile(double[] rates, double overdispersion) {
    this.rates = rates;
    this.overdispersion = overdispersion;
  }

  /** 168 expected events per hour by hour-of-week. */
  double[] rates() {
    return rates;
  }

  /** NB over-dispersion {@code a} of the counts that were kept. */
  double overdispersion() {
    return overdispersion;
  }

  /**
   * Fits the profile to {@code n} counts; {@code hourOfWeek[i]} and {@code age[i]} (whole hours
   * before the end of training, 0 = the last hour) place count {@code x[i]}.
   */
  static RobustProfile fit(int[] hourOfWeek, int[] age, double[] x, int n) {
    int[] order = byHour(hourOfWeek, n);
    int[] first = firstOfHour(hourOfWeek, n);
    double[] mean = means(x, order, first);
    double a0 = robustOverdispersion(x, order, first, mean);
    double[] weekLevel = weekLevels(hourOfWeek, age, x, n, mean, a0);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = x[i] / weekLevel[age[i] / HOURS];
    }
    double[] yMean = means(y, order, first);
    double a1 = robustOverdispersion(y, order, first, yMean);
    boolean[] dropped = new boolean[n];
    int weeks = weekLevel.length;
    int[] hourOfDayCell = new int[n];
    int[] dayCell = new int[n];
    for (int i = 0; i < n; i++) {
      hourOfDayCell[i] = (age[i] / HOURS) * 24 + hourOfWeek[i] % 24;
      dayCell[i] = age[i] / 24;
    }
    dropDeviantCells(hourOfDayCell, weeks * 24, 24, hourOfWeek, y, n, yMean, a1, dropped);
    dropDeviantCells(dayCell, weeks * 7, 7, hourOfWeek, y, n, yMean, a1, dropped);
    double[] sum = new double[HOURS];
    double[] sumSq = new double[HOURS];
    int[] kept = new int[HOURS];
    for (int h = 0; h < HOURS; h++) {
      if (first[h] == first[h + 1]) {
        continue;
      }
      double median = median(y, order, first[h], first[h + 1]);
      double ref = Math.max(median, yMean[h]);
      double limit = BAND * Math.sqrt(ref + a1 * ref * ref) + SLACK;
      for (int k = first[h]; k < first[h + 1]; k++) {
        double v = y[order[k]];
        if (!dropped[order[k]] && Math.abs(v - median) <= limit) {
          sum[h] += v;
          sumSq[h] += v * v;
          kept[h]++;
        }
      }
    }
    // the spread is measured on every count the cell rule kept: the band's cut around a median of
    // a few weeks also removes genuine spread (the over-dispersion came out about 12% low)
    double[] spreadSum = new double[HOURS];
    double[] spreadSq = new double[HOURS];
    int[] spreadN = new int[HOURS];
    for (int i = 0; i < n; i++) {
      if (!dropped[i]) {
        spreadSum[hourOfWeek[i]] += y[i];
        spreadSq[hourOfWeek[i]] += y[i] * y[i];
        spreadN[hourOfWeek[i]]++;
      }
    }
    double a = momentOverdispersion(spreadSum, spreadSq, spreadN);
    if (fewWeeks(kept)) {
      // both estimates weighted by their degrees of freedom
      double momentDof = 0;
      for (int h = 0; h < HOURS; h++) {
        momentDof += Math.max(0, kept[h] - 1);
      }
      double[] product = productOverdispersion(hourOfWeek, age, y, dropped, n);
      if (product[1] > 0) {
        a = (a * momentDof + product[0] * product[1]) / (momentDof + product[1]);
      }
    }
    return new RobustProfile(shrunkRates(sum, kept, a), a);
  }

  /**
   * Marks the counts of cells (e.g. one week's 03:00 hours, or one day) whose sum departs from the
   * median of the same cell in the other weeks by more than {@link RobustRatio#BAND} standard
   * deviations: a holiday week's busy nights or a whole day of outage, which single hours of a low
   * volume series cannot reveal. Cell {@code c} belongs to group {@code c % groups}.
   */
  private static void dropDeviantCells(
      int[] cell,
      int cells,
      int groups,
      int[] hourOfWeek,
      double[] y,
      int n,
      double[] mean,
      double a,
      boolean[] dropped) {
    double[] o = new double[cells];
    double[] e = new double[cells];
    double[] e2 = new double[cells];
    for (int i = 0; i < n; i++) {
      double m = mean[hourOfWeek[i]];
      o[cell[i]] += y[i];
      e[cell[i]] += m;
      e2[cell[i]] += m * m;
    }
    boolean[] deviant = new boolean[cells];
    int weeks = cells / groups;
    double[] ratios = new double[weeks];
    for (int g = 0; g < groups; g++) {
      int count = 0;
      for (int w = 0; w < weeks; w++) {
        int c = w * groups + g;
        if (e[c] > 0) {
          ratios[count++] = o[c] / e[c];
        }
      }
      if (count < 3) {
        continue;
      }
      double median = RobustRatio.median(ratios, count);
      for (int w = 0; w < weeks; w++) {
        int c = w * groups + g;
        double expected = median * e[c];
        double sd = Math.sqrt(expected + a * median * median * e2[c]);
        deviant[c] =
            e[c] > 0 && Math.abs(o[c] - expected) > RobustRatio.BAND * sd + RobustRatio.SLACK;
      }
    }
    for (int i = 0; i < n; i++) {
      dropped[i] |= deviant[cell[i]];
    }
  }

  /** Each week's level relative to the hour-of-week means, divided by the weeks' median. */
  private static double[] weekLevels(
      int[] hourOfWeek, int[] age, double[] x, int n, double[] mean, double a) {
    int weeks = 0;
    for (int i = 0; i < n; i++) {
      weeks = Math.max(weeks, age[i] / HOURS + 1);
    }
    double[][] o = new double[weeks][7];
    double[][] e = new double[weeks][7];
    double[][] e2 = new double[weeks][7];
    boolean[] seen = new boolean[weeks];
    for (int i = 0; i < n; i++) {
      int w = age[i] / HOURS;
      int d = (age[i] % HOURS) / 24;
      double m = mean[hourOfWeek[i]];
      o[w][d] += x[i];
      e[w][d] += m;
      e2[w][d] += m * m;
      seen[w] = true;
    }
    double[] levels = new double[weeks];
    double[] present = new double[weeks];
    int count = 0;
    for (int w = 0; w < weeks; w++) {
      levels[w] = RobustRatio.of(o[w], e[w], e2[w], 7, a, WEEK_PRIOR_EVENTS, 1.0);
      if (seen[w]) {
        present[count++] = levels[w];
      }
    }
    double median = count == 0 ? 1 : RobustRatio.median(present, count);
    for (int w = 0; w < weeks; w++) {
      levels[w] = median > 0 ? levels[w] / median : 1;
      if (!(levels[w] > 0)) {
        levels[w] = 1;
      }
    }
    return levels;
  }

  /** Indices 0..n-1 sorted by hour-of-week (counting sort, stable). */
  private static int[] byHour(int[] hourOfWeek, int n) {
    int[] next = firstOfHour(hourOfWeek, n);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[next[hourOfWeek[i]]++] = i;
    }
    return order;
  }

  /** Where each hour-of-week's indices start in {@link #byHour}'s order (169 entries). */
  private static int[] firstOfHour(int[] hourOfWeek, int n) {
    int[] first = new int[HOURS + 1];
    for (int i = 0; i < n; i++) {
      first[hourOfWeek[i] + 1]++;
    }
    for (int h = 0; h < HOURS; h++) {
      first[h + 1] += first[h];
    }
    return first;
  }

  private static double[] means(double[] x, int[] order, int[] first) {
    double[] mean = new double[HOURS];
    for (int h = 0; h < HOURS; h++) {
      double s = 0;
      for (int k = first[h]; k < first[h + 1]; k++) {
        s += x[order[k]];
      }
      mean[h] = first[h + 1] > first[h] ? s / (first[h + 1] - first[h]) : 0;
    }
    return mean;
  }

  private static double median(double[] x, int[] order, int from, int to) {
    double[] values = new double[to - from];
    for (int k = from; k < to; k++) {
      values[k - from] = x[order[k]];
    }
    return RobustRatio.median(values, values.length);
  }

  /**
   * Over-dispersion from the median absolute deviation of each hour-of-week's counts (a normal
   * spread's standard deviation is 1.4826 MAD), pooled over the hours like the method of moments.
   */
  private static double robustOverdispersion(double[] x, int[] order, int[] first, double[] mean) {
    double excess = 0;
    double refSq = 0;
    for (int h = 0; h < HOURS; h++) {
      int n = first[h + 1] - first[h];
      if (n < 3) {
        continue;
      }
      double median = median(x, order, first[h], first[h + 1]);
      double[] deviations = new double[n];
      for (int k = 0; k < n; k++) {
        deviations[k] = Math.abs(x[order[first[h] + k]] - median);
      }
      double sd = MAD_TO_SD * smallSampleFactor(n) * RobustRatio.median(deviations, n);
      double ref = Math.max(median, mean[h]);
      excess += sd * sd - ref;
      refSq += ref * ref;
    }
    return refSq <= 0 ? 0 : Math.max(0, Math.min(2.0, excess / refSq));
  }

  /**
   * True while most hours-of-week have fewer than {@link #MIN_WEEKS_FOR_MOMENTS} counts: the
   * across-week estimate of the over-dispersion then has no or little data (none at all with one
   * week of history) and is biased low.
   */
  private static boolean fewWeeks(int[] kept) {
    int learnt = 0;
    int few = 0;
    for (int h = 0; h < HOURS; h++) {
      if (kept[h] > 0) {
        learnt++;
        if (kept[h] < MIN_WEEKS_FOR_MOMENTS) {
          few++;
        }
      }
    }
    return few * 2 > learnt;
  }

  /**
   * Over-dispersion of the counts of the newest week that the cell rule kept around their own
   * day-of-week x hour-of-day product, by the method of moments with the product's 30 parameters
   * taken out of the degrees of freedom: usable from one week of history. A shape the product does
   * not capture reads as extra dispersion, which only makes the tests more cautious. Returns the
   * estimate and its degrees of freedom (0 when there are too few counts).
   */
  private static double[] productOverdispersion(
      int[] hourOfWeek, int[] age, double[] y, boolean[] dropped, int n) {
    double[] daySum = new double[7];
    int[] dayN = new int[7];
    double[] hourSum = new double[24];
    int[] hourN = new int[24];
    double total = 0;
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (!dropped[i] && age[i] < HOURS) {
        daySum[hourOfWeek[i] / 24] += y[i];
        dayN[hourOfWeek[i] / 24]++;
        hourSum[hourOfWeek[i] % 24] += y[i];
        hourN[hourOfWeek[i] % 24]++;
        total += y[i];
        count++;
      }
    }
    int parameters = 24 + 7 - 1;
    if (count <= parameters || total <= 0) {
      return new double[] {0, 0};
    }
    double overall = total / count;
    double squares = 0;
    double mean = 0;
    double meanSq = 0;
    for (int i = 0; i < n; i++) {
      if (!dropped[i] && age[i] < HOURS) {
        int h = hourOfWeek[i];
        double m = (daySum[h / 24] / dayN[h / 24]) * (hourSum[h % 24] / hourN[h % 24]) / overall;
        squares += (y[i] - m) * (y[i] - m);
        mean += m;
        meanSq += m * m;
      }
    }
    if (meanSq <= 0) {
      return new double[] {0, 0};
    }
    double a = (squares * count / (count - parameters) - mean) / meanSq;
    return new double[] {a <= 0 ? 0 : Math.min(a, 2.0), count - parameters};
  }

  /**
   * The small-sample correction of the median absolute deviation (Croux and Rousseeuw 1992): with a
   * few weeks per hour-of-week, {@code 1.4826 MAD} underestimates the standard deviation (by 17%
   * for 5 counts), which narrowed the band, left genuine spread out and biased the over-dispersion
   * low.
   */
  static double smallSampleFactor(int n) {
    return switch (n) {
      case 2 -> 1.196;
      case 3 -> 1.495;
      case 4 -> 1.363;
      case 5 -> 1.206;
      case 6 -> 1.200;
      case 7 -> 1.140;
      case 8 -> 1.129;
      case 9 -> 1.107;
      default -> n < 2 ? 1 : n / (n - 0.8);
    };
  }

  private static double momentOverdispersion(double[] sum, double[] sumSq, int[] n) {
    double excess = 0;
    double meanSq = 0;
    for (int h = 0; h < HOURS; h++) {
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

  /**
   * The day-of-week x hour-of-day product of the hour-of-week means: the prior the means are shrunk
   * towards.
   */
  private static double[] productPrior(double[] sum, int[] n) {
    // the product's factors average the hour-of-week means (not the counts), so hours learnt
    // from fewer weeks (e.g. before the first event) do not tilt their day
    double[] daySum = new double[7];
    int[] dayN = new int[7];
    double[] hourSum = new double[24];
    int[] hourN = new int[24];
    double total = 0;
    int totalN = 0;
    for (int h = 0; h < HOURS; h++) {
      if (n[h] == 0) {
        continue;
      }
      double raw = sum[h] / n[h];
      daySum[h / 24] += raw;
      dayN[h / 24]++;
      hourSum[h % 24] += raw;
      hourN[h % 24]++;
      total += raw;
      totalN++;
    }
    double overall = totalN == 0 ? 0 : total / totalN;
    double[] prior = new double[HOURS];
    for (int h = 0; h < HOURS; h++) {
      double dayMean = dayN[h / 24] == 0 ? overall : daySum[h / 24] / dayN[h / 24];
      double hourFactor =
          hourN[h % 24] == 0 || overall == 0 ? 1 : (hourSum[h % 24] / hourN[h % 24]) / overall;
      prior[h] = dayMean * hourFactor;
    }
    return prior;
  }

  /** Hour-of-week means shrunk towards the day x hour product (empirical Bayes). */
  private static double[] shrunkRates(double[] sum, int[] n, double overdispersion) {
    double[] prior = productPrior(sum, n);
    double excess = 0;
    double priorSq = 0;
    for (int h = 0; h < HOURS; h++) {
      if (n[h] > 0 && prior[h] > 0) {
        double raw = sum[h] / n[h];
        double samplingVariance = (prior[h] + overdispersion * prior[h] * prior[h]) / n[h];
        excess += (raw - prior[h]) * (raw - prior[h]) - samplingVariance;
        priorSq += prior[h] * prior[h];
      }
    }
    // how far hour-of-week means really depart from the day x hour product (relative variance),
    // beyond what sampling noise explains
    double signal = priorSq <= 0 ? 0 : Math.max(0, excess / priorSq);
    double[] rates = new double[HOURS];
    for (int h = 0; h < HOURS; h++) {
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

  @Override
  public String toString() {
    return "RobustProfile{a=" + overdispersion + ", rates=" + Arrays.toString(rates) + "}";
  }
}
