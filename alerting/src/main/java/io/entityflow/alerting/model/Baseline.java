package io.entityflow.alerting.model;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;

/**
 * A learned expectation for one series: an hour-of-week profile of event rates (events per hour), a
 * level factor for recent trend, and the over-dispersion of hourly counts. Counts are modelled as
 * Poisson when {@link #overdispersion()} is 0, else as Negative Binomial with variance {@code mu +
 * a * mu^2}.
 *
 * <pre>{@code
 * Baseline b = new SeasonalBaselineLearner(BaselineSettings.defaults()).learn(history, now, zone, quiet);
 * double expected = b.expectedBetween(lastEvent, now);
 * boolean improbable = b.logProbabilityOfNone(lastEvent, now) < Math.log(alpha);
 * }</pre>
 *
 * <p>Guarantees: immutable; hours for which {@code quiet} is true (holidays, maintenance) expect 0
 * events; hours of a calendar period expect last year's rate when {@link CalendarRates} has one,
 * else the profile's, and then {@link #judgesDrops(Instant)} is false for them.
 */
public final class Baseline {
  /** The count of the hour before a silence is not known: the hour is judged unconditionally. */
  public static final long UNKNOWN = -1;

  private final double[] rates;
  private final double level;
  private final double overdispersion;
  private final ZoneId zone;
  private final Duration history;
  private final Predicate<Instant> quiet;
  private final CalendarRates calendar;

  /** A baseline without calendar periods. */
  public Baseline(
      double[] rates,
      double level,
      double overdispersion,
      ZoneId zone,
      Duration history,
      Predicate<Instant> quiet) {
    this(rates, level, overdispersion, zone, history, quiet, CalendarRates.NONE);
  }

  /**
   * Creates a baseline.
   *
   * @param rates 168 expected events per hour by {@link HourOfWeek}, before the level factor
   * @param level multiplicative level adjustment
   * @param overdispersion NB parameter {@code a} (0 = Poisson)
   * @param zone the zone of the hour-of-week profile
   * @param history how much history the baseline was learned from
   * @param quiet hours (by their start) that expect no events
   * @param calendar the calendar periods and their rates learnt from last year
   */
  public Baseline(
      double[] rates,
      double level,
      double overdispersion,
      ZoneId zone,
      Duration history,
      Predicate<Instant> quiet,
      CalendarRates calendar) {
    if (rates.length != HourOfWeek.HOURS) {
      throw new IllegalArgumentException("a baseline needs 168 hourly rates, got " + rates.length);
    }
    this.rates = rates.clone();
    this.level = level;
    this.overdispersion = overdispersion;
    this.zone = zone;
    this.history = history;
    this.quiet = quiet;
    this.calendar = calendar;
  }

  /** Expected events per hour in the hour containing {@code t}. */
  public double expectedRate(Instant t) {
    Instant hour = t.truncatedTo(ChronoUnit.HOURS);
    if (quiet.test(hour)) {
      return 0;
    }
    if (calendar.contains(hour)) {
      double lastYear = calendar.rate(hour);
      if (!Double.isNaN(lastYear)) {
        return lastYear;
      }
    }
    return rates[HourOfWeek.of(hour, zone)] * level;
  }

  /**
   * False for the hours of a calendar period that have no rate from last year: their expectation is
   * the ordinary profile's, which is not trusted to judge partial drops.
   */
  public boolean judgesDrops(Instant t) {
    Instant hour = t.truncatedTo(ChronoUnit.HOURS);
    return !calendar.contains(hour) || calendar.fromLastYear(hour);
  }

  /** The calendar periods and their rates learnt from last year. */
  public CalendarRates calendar() {
    return calendar;
  }

  /** Expected number of events in {@code [from, to)}, prorating partial hours. */
  public double expectedBetween(Instant from, Instant to) {
    double sum = 0;
    Instant t = from;
    while (t.isBefore(to)) {
      Instant next = t.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
      Instant end = next.isAfter(to) ? to : next;
      sum += expectedRate(t) * Duration.between(t, end).toMillis() / 3_600_000.0;
      t = end;
    }
    return sum;
  }

  /**
   * Natural log of the probability of observing no event in {@code [from, to)}: {@code -mu} per
   * hour under Poisson, {@code -ln(1 + a mu) / a} under Negative Binomial.
   */
  public double logProbabilityOfNone(Instant from, Instant to) {
    return logProbabilityOfNone(from, to, UNKNOWN);
  }

  /**
   * Natural log of the probability of observing no event in {@code [from, to)} when {@code
   * seenInFromHour} events arrived in the hour of {@code from} up to {@code from} (the hour's count
   * of a series whose last event was at {@code from}). Under Negative Binomial each hour's rate is
   * the expectation times a Gamma multiplier of mean 1 and variance {@code a}; the events already
   * seen in the hour of {@code from} update that hour's multiplier (Gamma posterior with shape
   * {@code 1/a + seen} and rate {@code 1/a + elapsed mu}), so the rest of that hour is judged at
   * the rate the hour showed: {@code -(1/a + seen) ln(1 + mu_rest / (1/a + elapsed mu))}. Later
   * hours keep {@code -ln(1 + a mu) / a}. Under Poisson the count changes nothing.
   */
  public double logProbabilityOfNone(Instant from, Instant to, long seenInFromHour) {
    double sum = 0;
    Instant t = from;
    while (t.isBefore(to)) {
      Instant next = t.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
      Instant end = next.isAfter(to) ? to : next;
      sum += logNoneIn(t, end, t.equals(from) ? seenInFromHour : UNKNOWN);
      t = end;
    }
    return sum;
  }

  /**
   * The earliest instant {@code t} after {@code from} at which {@link
   * #logProbabilityOfNone(Instant, Instant) logProbabilityOfNone(from, t)} falls below {@code
   * logAlpha}, searched up to {@code horizon}: when a series silent since {@code from} becomes
   * significantly silent. Null when that does not happen within the horizon (e.g. only quiet hours
   * ahead).
   */
  public Instant improbableSilenceAt(Instant from, double logAlpha, Instant horizon) {
    return improbableSilenceAt(from, logAlpha, horizon, UNKNOWN);
  }

  /**
   * The same as {@link #improbableSilenceAt(Instant, double, Instant)} for {@link
   * #logProbabilityOfNone(Instant, Instant, long) logProbabilityOfNone(from, t, seenInFromHour)}.
   */
  public Instant improbableSilenceAt(
      Instant from, double logAlpha, Instant horizon, long seenInFromHour) {
    double sum = 0;
    Instant t = from;
    while (t.isBefore(horizon)) {
      Instant next = t.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
      double rate = expectedRate(t);
      long seen = t.equals(from) ? seenInFromHour : UNKNOWN;
      double chunk = logNoneIn(t, next, seen);
      if (rate > 0 && sum + chunk < logAlpha) {
        double budget = sum - logAlpha;
        double needed;
        if (overdispersion <= 0) {
          needed = budget;
        } else {
          double[] posterior = posterior(t, seen);
          needed = posterior[1] * Math.expm1(budget / posterior[0]);
        }
        Instant at = t.plusMillis((long) Math.ceil(needed / rate * 3_600_000.0));
        while (!(logProbabilityOfNone(from, at, seenInFromHour) < logAlpha) && at.isBefore(next)) {
          at = at.plusMillis(1);
        }
        return at;
      }
      sum += chunk;
      t = next;
    }
    return null;
  }

  /** ln P(no event in {@code [from, to)}), both in one hour, given {@code seen} events before. */
  private double logNoneIn(Instant from, Instant to, long seen) {
    double mu = expectedRate(from) * Duration.between(from, to).toMillis() / 3_600_000.0;
    if (overdispersion <= 0 || seen == UNKNOWN) {
      return logProbabilityOfZero(mu);
    }
    double[] posterior = posterior(from, seen);
    return -posterior[0] * Math.log1p(mu / posterior[1]);
  }

  /**
   * Shape and rate of the Gamma law of the hour's multiplier (in expected events of the hour) once
   * {@code seen} events arrived between the hour's start and {@code at}; the prior (shape and rate
   * {@code 1/a}) when {@code seen} is {@link #UNKNOWN}.
   */
  private double[] posterior(Instant at, long seen) {
    double k = 1 / overdispersion;
    if (seen == UNKNOWN) {
      return new double[] {k, k};
    }
    Instant hour = at.truncatedTo(ChronoUnit.HOURS);
    double elapsed = expectedRate(at) * Duration.between(hour, at).toMillis() / 3_600_000.0;
    return new double[] {k + seen, k + elapsed};
  }

  /** Log probability of a zero count in one bucket with mean {@code mu}. */
  public double logProbabilityOfZero(double mu) {
    if (overdispersion <= 0) {
      return -mu;
    }
    return -Math.log1p(overdispersion * mu) / overdispersion;
  }

  /** Expected events in one week (level included). */
  public double expectedPerWeek() {
    double sum = 0;
    for (double r : rates) {
      sum += r;
    }
    return sum * level;
  }

  /** The raw profile value of an hour-of-week (before the level factor). */
  public double profile(int hourOfWeek) {
    return rates[hourOfWeek];
  }

  /** Multiplicative level adjustment. */
  public double level() {
    return level;
  }

  /** NB over-dispersion {@code a}; 0 means Poisson. */
  public double overdispersion() {
    return overdispersion;
  }

  /** "Poisson" or "NegativeBinomial". */
  public String distribution() {
    return overdispersion > 0 ? "NegativeBinomial" : "Poisson";
  }

  /** How much history the baseline was learned from. */
  public Duration history() {
    return history;
  }

  /** The profile's time zone. */
  public ZoneId zone() {
    return zone;
  }
}
