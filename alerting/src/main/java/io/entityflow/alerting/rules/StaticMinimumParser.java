package io.entityflow.alerting.rules;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Parses the static-minimum part of a rule ({@code minimum}, {@code window}, {@code
 * business-hours}, {@code days}) into a {@link StaticMinimum} with its {@link BusinessHours}.
 *
 * <pre>{@code
 * // rule: {minimum: 5, window: PT30M, business-hours: "09:30-17:45", days: [MON, FRI]}
 * StaticMinimum m = new StaticMinimumParser(yaml).parse(rule, ZoneId.of("Europe/Berlin"), "rule 'x'");
 * }</pre>
 *
 * <p>Guarantees: {@code minimum} is required and at least 1; the window is a whole number of
 * minutes (default one hour); days default to the whole week and business hours to the whole day; a
 * day is named by at least its first three letters.
 */
final class StaticMinimumParser {
  private final RulesYaml yaml;

  /** Parses with the given file's value access and errors. */
  StaticMinimumParser(RulesYaml yaml) {
    this.yaml = yaml;
  }

  /** The static minimum of {@code spec}, its business hours in {@code zone}. */
  StaticMinimum parse(Map<String, Object> spec, ZoneId zone, String where) {
    if (!spec.containsKey("minimum")) {
      throw yaml.fail(
          where, "minimum", null, "a whole number of events, e.g. 5 (required for type static)");
    }
    long minimum = (long) yaml.number(spec, "minimum", where);
    Duration window = yaml.duration(spec, "window", Duration.ofHours(1), where);
    if (window.toSeconds() % 60 != 0 || window.toMinutes() < 1) {
      throw yaml.fail(
          where, "window", spec.get("window"), "whole minutes such as PT30M, PT1H or PT90M");
    }
    Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
    if (spec.containsKey("days")) {
      days = EnumSet.noneOf(DayOfWeek.class);
      for (Object o : yaml.list(spec.get("days"), where + " days")) {
        days.add(day(String.valueOf(o), where));
      }
    }
    BusinessHours hours = BusinessHours.always(zone);
    String range =
        spec.containsKey("business-hours") ? RulesYaml.string(spec.get("business-hours")) : null;
    try {
      hours =
          range == null
              ? new BusinessHours(hours.opens(), hours.closes(), days, zone)
              : BusinessHours.parse(range, days, zone);
    } catch (IllegalArgumentException e) {
      throw yaml.fail(where, "business-hours", range, "HH:mm-HH:mm such as 09:00-18:00");
    }
    try {
      return new StaticMinimum(minimum, window, hours);
    } catch (IllegalArgumentException e) {
      throw yaml.fail(
          where, "minimum", spec.get("minimum"), "a whole number of events of at least 1");
    }
  }

  private DayOfWeek day(String value, String where) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().startsWith(value.toUpperCase()) && value.length() >= 3) {
        return d;
      }
    }
    throw yaml.fail(where, "days", value, "MON, TUE, WED, THU, FRI, SAT, SUN");
  }
}
