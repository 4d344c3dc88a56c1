package io.entityflow.alerting.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a learner must know about a series' hours besides its counts: the zone of its hour-of-week
 * profile, the hours that expect no events, its calendar periods and the hours that must not teach
 * its profile.
 *
 * <pre>{@code
 * LearningContext c = new LearningContext(ZoneId.of("Europe/Berlin"), rule::quiet,
 *     rule.calendar(), exclusions.forSeries(seriesId));
 * }</pre>
 *
 * @param zone the zone of the hour-of-week profile and of the calendar's days
 * @param quiet hours (holidays, maintenance) that expect no events and are never learnt
 * @param calendar periods with a different shape: never learnt, expected from last year
 * @param excluded hours (incidents, silences) that do not teach the profile but count for the level
 *     factor
 */
public record LearningContext(
    ZoneId zone,
    Predicate<Instant> quiet,
    List<CalendarPeriod> calendar,
    Predicate<Instant> excluded) {
  /** Copies the calendar. */
  public LearningContext {
    calendar = List.copyOf(calendar);
  }

  /** A zone and quiet hours; no calendar, nothing excluded. */
  public static LearningContext of(ZoneId zone, Predicate<Instant> quiet) {
    return new LearningContext(zone, quiet, List.of(), hour -> false);
  }
}
