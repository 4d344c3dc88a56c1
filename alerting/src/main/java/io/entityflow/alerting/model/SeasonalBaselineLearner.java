package io.entityflow.alerting.model;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Learns a {@link Baseline} from hourly counts in three parts:
 *
 * <ol>
 *   <li><b>Profile</b> (shape): the {@link RobustProfile} of the last {@link
 *       BaselineSettings#weeks()} weeks ending {@code excludeRecent} before the judged instant.
 *       Hours that are quiet (holidays, maintenance), in a {@link CalendarPeriod}, or excluded (the
 *       series' incidents and silences, {@link LearningExclusions}) do not teach it; spikes,
 *       outages and abnormal weeks that are a minority are left out by the robust estimate.
 *   <li><b>Level</b>: the {@link RobustRatio} of observed to profile-expected events over the last
 *       {@link BaselineSettings#levelDays()} days of 24 hours that are neither quiet nor in a
 *       calendar period (incident hours included, so a lasting shift is learnt even while it is
 *       alerted), with {@link #LEVEL_PRIOR_EVENTS} pseudo-events at 1, clamped to [{@link
 *       #MIN_LEVEL}, {@link #MAX_LEVEL}]. Days that disagree with the median of the newest {@link
 *       #LEVEL_MEDIAN_DAYS} days (an outage, a spike) are left out, so after a lasting shift the
 *       level follows within {@link BaselineSettings#relearnBound()}, and a busy series as soon as
 *       2 of those 3 days are shifted.
 *   <li><b>Calendar</b>: hours of calendar periods expect the same hours 364 days earlier ({@link
 *       CalendarRates}) when the counts (or {@code lastYear}) reach back that far.
 * </ol>
 *
 * <pre>{@code
 * Optional<Baseline> b = new SeasonalBaselineLearner(BaselineSettings.defaults())
 *     .learn(history.counts(), now, ZoneOffset.UTC, hour -> false);
 * }</pre>
 *
 * <p>Guarantees: only hours that ended before {@code judgedUntil - excludeRecent} are learned from;
 * hours before the series' first event do not count as zeros; empty when the series has less than
 * {@code minHistory} of history or no events; deterministic.
 */
public final class SeasonalBaselineLearner {
  /** Prior weight of the level adjustment, in events. */
  static final double LEVEL_PRIOR_EVENTS = 20.0;

  /**
   * The newest days (of {@link BaselineSettings#levelDays()}) whose median ratio every level day is
   * compared with: a shift is followed once 2 of them show it (a day sooner than with the median of
   * 5 days, before a drop CUSUM run that restarts after the shift's DROP incident resolved can page
   * the same shift again), while every day that agrees still counts.
   */
  static final int LEVEL_MEDIAN_DAYS = 3;

  /** Smallest level factor. */
  static final double MIN_LEVEL = 0.5;

  /** Largest level factor. */
  static final double MAX_LEVEL = 2.0;

  private final BaselineSettings settings;

  /** Creates a learner. */
  public SeasonalBaselineLearner(BaselineSettings settings) {
    this.settings = settings;
  }

  /** Learns the baseline as of {@code judgedUntil}: no calendar, nothing excluded. */
  public Optional<Baseline> learn(
      HourlyCounts counts, Instant judgedUntil, ZoneId zone, Predicate<Instant> quiet) {
    return learn(counts, null, judgedUntil, LearningContext.of(zone, quiet));
  }

  /**
   * Learns the baseline as of {@code judgedUntil}; {@code lastYear} (or null) holds counts of last
   * year's calendar periods when {@code counts} do not reach back that far.
   */
  public Optional<Baseline> learn(
      HourlyCounts counts, HourlyCounts lastYear, Instant judgedUntil, LearningContext context) {
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
    CalendarRates periods = CalendarRates.of(context.calendar(), context.zone());
    int end = counts.indexOf(trainEnd);
    int from = counts.indexOf(trainStart);
    int to = Math.min(end, counts.size());
    int n = Math.max(0, to - from);
    int[] hourOfWeek = new int[n];
    int[] age = new int[n];
    double[] x = new double[n];
    int[] eligible = new int[n];
    int kept = 0;
    int levelHours = 0;
    for (int i = to - 1; i >= from; i--) {
      Instant hour = counts.hourStart(i);
      if (context.quiet().test(hour) || periods.contains(hour)) {
        continue;
      }
      eligible[levelHours++] = i;
      if (!context.excluded().test(hour)) {
        hourOfWeek[kept] = HourOfWeek.of(hour, context.zone());
        age[kept] = end - 1 - i;
        x[kept] = counts.count(i);
        kept++;
      }
    }
    RobustProfile profile = RobustProfile.fit(hourOfWeek, age, x, kept);
    double[] rates = profile.rates();
    double a = profile.overdispersion();
    double level = level(counts, eligible, levelHours, rates, a, context);
    CalendarRates calendar =
        context.calendar().isEmpty()
            ? periods
            : CalendarRates.learn(
                context.calendar(),
                context.zone(),
                context.quiet(),
                rates,
                level,
                a,
                lastYearCounts(counts, lastYear),
                judgedUntil);
    return Optional.of(
        new Baseline(rates, level, a, context.zone(), history, context.quiet(), calendar));
  }

  /**
   * The level over the newest {@code levelDays} blocks of 24 eligible hours ({@code eligible} is
   * newest first).
   */
  private double level(
      HourlyCounts counts,
      int[] eligible,
      int eligibleHours,
      double[] rates,
      double a,
      LearningContext context) {
    int days = Math.min(settings.levelDays(), (eligibleHours + 23) / 24);
    double[] o = new double[days];
    double[] e = new double[days];
    double[] e2 = new double[days];
    for (int k = 0; k < Math.min(eligibleHours, days * 24); k++) {
      int i = eligible[k];
      double mu = rates[HourOfWeek.of(counts.hourStart(i), context.zone())];
      o[k / 24] += counts.count(i);
      e[k / 24] += mu;
      e2[k / 24] += mu * mu;
    }
    double level = RobustRatio.of(o, e, e2, days, LEVEL_MEDIAN_DAYS, a, LEVEL_PRIOR_EVENTS, 1.0);
    return Math.max(MIN_LEVEL, Math.min(MAX_LEVEL, level));
  }

  /** The count of an hour from {@code lastYear}, else from {@code counts}; -1 when uncovered. */
  private static ToLongFunction<Instant> lastYearCounts(
      HourlyCounts counts, HourlyCounts lastYear) {
    return hour -> {
      if (lastYear != null && !hour.isBefore(lastYear.start()) && hour.isBefore(lastYear.end())) {
        return lastYear.countAt(hour);
      }
      if (!hour.isBefore(counts.start()) && hour.isBefore(counts.end())) {
        return counts.countAt(hour);
      }
      return -1;
    };
  }
}
