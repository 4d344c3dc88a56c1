package io.entityflow.alerting.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A named span of whole days (e.g. a holiday season) whose traffic has a different shape from
 * ordinary weeks: its hours never teach the regular profile, and while it lasts each hour is
 * expected from the same hour {@link #YEAR 364 days} earlier when the series' history reaches back
 * that far (see {@link CalendarRates}).
 *
 * <pre>{@code
 * CalendarPeriod season = new CalendarPeriod("holiday season",
 *     LocalDate.parse("2026-12-19"), LocalDate.parse("2027-01-03"));
 * season.contains(Instant.parse("2026-12-24T03:00:00Z"), ZoneId.of("UTC")); // true
 * }</pre>
 *
 * <p>Guarantees: {@code from} and {@code to} are both included (in the rule's time zone); {@code
 * to} is never before {@code from} and the period is at most {@link #MAX_DAYS} days long.
 *
 * @param name the period's name, e.g. {@code holiday season}
 * @param from first day (inclusive)
 * @param to last day (inclusive)
 */
public record CalendarPeriod(String name, LocalDate from, LocalDate to) {
  /** 52 weeks: the same weekday one year earlier. */
  public static final Duration YEAR = Duration.ofDays(364);

  /** Ordinary days before last year's period that measure last year's level. */
  public static final Duration REFERENCE = Duration.ofDays(7);

  /** Longest period, in days: the profile's 8 weeks must keep ordinary weeks to learn from. */
  public static final int MAX_DAYS = 56;

  /** Validates the period. */
  public CalendarPeriod {
    Objects.requireNonNull(name, "name");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(
          "calendar period '" + name + "' ends " + to + " before it starts " + from);
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
      throw new IllegalArgumentException(
          "calendar period '"
              + name
              + "' from "
              + from
              + " to "
              + to
              + " is longer than "
              + MAX_DAYS
              + " days");
    }
  }

  /** The first instant of the period in {@code zone}. */
  public Instant start(ZoneId zone) {
    return from.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the period in {@code zone}. */
  public Instant end(ZoneId zone) {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** True when {@code t} lies in the period (days in {@code zone}). */
  public boolean contains(Instant t, ZoneId zone) {
    return !t.isBefore(start(zone)) && t.isBefore(end(zone));
  }

  /**
   * True when judging at {@code judgedUntil} may need last year's counts of this period: from two
   * days before it starts (silence predictions look a day ahead) to two days after it ends (the
   * drop test looks 48 hours back).
   */
  public boolean isNear(Instant judgedUntil, ZoneId zone) {
    Duration margin = Duration.ofDays(2);
    return !judgedUntil.isBefore(start(zone).minus(margin))
        && judgedUntil.isBefore(end(zone).plus(margin));
  }

  /**
   * The hours last year's counts must cover: the {@link #REFERENCE} days before the period {@link
   * #YEAR} earlier, then the period itself {@link #YEAR} earlier; {@code [from, to)}, whole hours.
   */
  public Span lastYearSpan(ZoneId zone) {
    return new Span(
        start(zone).minus(YEAR).minus(REFERENCE).truncatedTo(ChronoUnit.HOURS),
        end(zone).minus(YEAR).truncatedTo(ChronoUnit.HOURS));
  }

  /**
   * A span of time {@code [from, to)}.
   *
   * @param from start (inclusive)
   * @param to end (exclusive)
   */
  public record Span(Instant from, Instant to) {}
}
