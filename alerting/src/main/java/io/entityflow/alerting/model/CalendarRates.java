package io.entityflow.alerting.model;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Expected rates of the hours of {@link CalendarPeriod calendar periods}, learnt from the same
 * hours {@link CalendarPeriod#YEAR 364 days} earlier:
 *
 * <ul>
 *   <li>last year's level relative to today's profile is the {@link RobustRatio} of the counts of
 *       the {@link CalendarPeriod#REFERENCE 7 days} before last year's period to the profile (20
 *       pseudo-events); last year is used only when those 7 days are covered and had events on
 *       their first and on their last day (the series existed then);
 *   <li>hour {@code t} of the period expects {@code level * profile(t) * (O + 2) / (E + 2)}, where
 *       {@code O} are last year's events in the smallest window of hours centred on {@code t - 364
 *       days} (within last year's period, at most 12 hours either side) whose expectation {@code E
 *       = lastYearLevel * profile} reaches {@link #WINDOW_EVENTS} events: one hour for busy series,
 *       up to a day for quiet ones, so that one noisy hour last year does not set this year's
 *       expectation.
 * </ul>
 *
 * Hours of a period without last year's data expect the regular profile, and the drop test skips
 * them ({@link #fromLastYear(Instant)} is false): only the silence test judges them.
 *
 * <pre>{@code
 * CalendarRates c = CalendarRates.learn(periods, zone, quiet, profile, level, a, lastYear, now);
 * double mu = c.contains(hour) && c.fromLastYear(hour) ? c.rate(hour) : profile * level;
 * }</pre>
 *
 * <p>Guarantees: immutable; last year's rates are computed only for periods within 15 days before
 * and 2 days after the judged instant (what a judgement, its chart and its prediction read).
 */
public final class CalendarRates {
  /** No calendar periods. */
  public static final CalendarRates NONE =
      new CalendarRates(List.of(), new long[0], new long[0], List.of());

  /** Expected events (at last year's level) a window around last year's hour must reach. */
  static final double WINDOW_EVENTS = 30.0;

  /** Largest half-width of that window, in hours. */
  static final int MAX_HALF_WINDOW = 12;

  /** Pseudo-events of the ratio of last year's window to the profile. */
  static final double WINDOW_PRIOR_EVENTS = 2.0;

  /** Pseudo-events of last year's level (towards the profile's level). */
  static final double LEVEL_PRIOR_EVENTS = 20.0;

  private final List<CalendarPeriod> periods;
  private final long[] starts;
  private final long[] ends;
  private final List<Segment> segments;

  private record Segment(long start, double[] rates) {}

  private CalendarRates(
      List<CalendarPeriod> periods, long[] starts, long[] ends, List<Segment> segments) {
    this.periods = List.copyOf(periods);
    this.starts = starts;
    this.ends = ends;
    this.segments = List.copyOf(segments);
  }

  /** The periods, without rates from last year. */
  public static CalendarRates of(List<CalendarPeriod> periods, ZoneId zone) {
    return build(periods, zone, List.of());
  }

  private static CalendarRates build(
      List<CalendarPeriod> periods, ZoneId zone, List<Segment> segments) {
    long[] starts = new long[periods.size()];
    long[] ends = new long[periods.size()];
    for (int i = 0; i < periods.size(); i++) {
      starts[i] = periods.get(i).start(zone).getEpochSecond();
      ends[i] = periods.get(i).end(zone).getEpochSecond();
    }
    return new CalendarRates(periods, starts, ends, segments);
  }

  /**
   * Learns last year's rates of the periods near {@code judgedUntil}; {@code lastYear} gives the
   * count of an hour, or a negative number when the hour is not covered.
   */
  public static CalendarRates learn(
      List<CalendarPeriod> periods,
      ZoneId zone,
      Predicate<Instant> quiet,
      double[] profile,
      double level,
      double overdispersion,
      ToLongFunction<Instant> lastYear,
      Instant judgedUntil) {
    List<Segment> segments = new ArrayList<>();
    for (CalendarPeriod p : periods) {
      Instant start = p.start(zone).truncatedTo(ChronoUnit.HOURS);
      Instant end = p.end(zone);
      if (!start.isBefore(judgedUntil.plus(Duration.ofDays(2)))
          || !end.isAfter(judgedUntil.minus(Duration.ofDays(15)))) {
        continue;
      }
      double lastYearLevel =
          lastYearLevel(
              start.minus(CalendarPeriod.YEAR), zone, quiet, profile, overdispersion, lastYear);
      if (!(lastYearLevel > 0)) {
        continue;
      }
      int hours = (int) Duration.between(start, end).toHours();
      double[] rates = new double[hours];
      Arrays.fill(rates, Double.NaN);
      Instant lyStart = start.minus(CalendarPeriod.YEAR);
      for (int i = 0; i < hours; i++) {
        Instant t = start.plus(Duration.ofHours(i));
        if (lastYear.applyAsLong(t.minus(CalendarPeriod.YEAR)) < 0) {
          continue;
        }
        double observed = 0;
        double expected = 0;
        int used = 0;
        for (int k = 0; k <= MAX_HALF_WINDOW && (k == 0 || expected < WINDOW_EVENTS); k++) {
          for (int side : k == 0 ? new int[] {0} : new int[] {-k, k}) {
            int j = i + side;
            Instant u = lyStart.plus(Duration.ofHours(j));
            long c = j < 0 || j >= hours || quiet.test(u) ? -1 : lastYear.applyAsLong(u);
            if (c >= 0) {
              observed += c;
              expected += lastYearLevel * profile[HourOfWeek.of(u, zone)];
              used++;
            }
          }
        }
        double r = profile[HourOfWeek.of(t, zone)];
        if (r > 0 && expected > 0) {
          rates[i] =
              level * r * (observed + WINDOW_PRIOR_EVENTS) / (expected + WINDOW_PRIOR_EVENTS);
        } else {
          rates[i] = used == 0 ? 0 : level / lastYearLevel * observed / used;
        }
      }
      segments.add(new Segment(start.getEpochSecond(), rates));
    }
    return build(periods, zone, segments);
  }

  /**
   * Last year's level relative to {@code profile}: the robust ratio of the 7 days before {@code
   * lastYearStart}; NaN when they are not covered or had no event on their first or last day.
   */
  private static double lastYearLevel(
      Instant lastYearStart,
      ZoneId zone,
      Predicate<Instant> quiet,
      double[] profile,
      double overdispersion,
      ToLongFunction<Instant> lastYear) {
    int days = (int) CalendarPeriod.REFERENCE.toDays();
    double[] o = new double[days];
    double[] e = new double[days];
    double[] e2 = new double[days];
    Instant from = lastYearStart.minus(CalendarPeriod.REFERENCE);
    for (int i = 0; i < days * 24; i++) {
      Instant u = from.plus(Duration.ofHours(i));
      long c = lastYear.applyAsLong(u);
      if (c < 0) {
        return Double.NaN;
      }
      if (quiet.test(u)) {
        continue;
      }
      double mu = profile[HourOfWeek.of(u, zone)];
      o[i / 24] += c;
      e[i / 24] += mu;
      e2[i / 24] += mu * mu;
    }
    if (o[0] == 0 || o[days - 1] == 0) {
      return Double.NaN;
    }
    return RobustRatio.of(o, e, e2, days, overdispersion, LEVEL_PRIOR_EVENTS, 1.0);
  }

  /** The calendar periods. */
  public List<CalendarPeriod> periods() {
    return periods;
  }

  /** True when {@code t} lies in a calendar period. */
  public boolean contains(Instant t) {
    long s = t.getEpochSecond();
    for (int i = 0; i < starts.length; i++) {
      if (s >= starts[i] && s < ends[i]) {
        return true;
      }
    }
    return false;
  }

  /** True when the hour containing {@code t} has an expected rate from last year. */
  public boolean fromLastYear(Instant t) {
    return !Double.isNaN(rate(t));
  }

  /** Last year's expected rate (level included) of the hour containing {@code t}, or NaN. */
  public double rate(Instant t) {
    long hour = Math.floorDiv(t.getEpochSecond(), 3600L) * 3600L;
    for (Segment s : segments) {
      long i = (hour - s.start()) / 3600L;
      if (hour >= s.start() && i < s.rates().length) {
        return s.rates()[(int) i];
      }
    }
    return Double.NaN;
  }
}
