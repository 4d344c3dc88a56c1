package io.entityflow.alerting.rules;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * Opening hours in a time zone, e.g. {@code 09:00-18:00} Monday to Friday in Europe/Berlin.
 *
 * <pre>{@code
 * BusinessHours hours = BusinessHours.parse("09:00-18:00", EnumSet.range(MONDAY, FRIDAY), zone);
 * hours.contains(Instant.now());
 * }</pre>
 *
 * @param opens local opening time (inclusive)
 * @param closes local closing time (exclusive)
 * @param days open days
 * @param zone the zone the times are in
 */
public record BusinessHours(LocalTime opens, LocalTime closes, Set<DayOfWeek> days, ZoneId zone) {
  /** Validates and copies. */
  public BusinessHours {
    if (!opens.isBefore(closes)) {
      throw new IllegalArgumentException(
          "business-hours must close after they open, got " + opens + "-" + closes);
    }
    days = Set.copyOf(days);
  }

  /** Always open, every day, UTC. */
  public static BusinessHours always(ZoneId zone) {
    return new BusinessHours(LocalTime.MIN, LocalTime.MAX, EnumSet.allOf(DayOfWeek.class), zone);
  }

  /** Parses {@code HH:mm-HH:mm}. */
  public static BusinessHours parse(String range, Set<DayOfWeek> days, ZoneId zone) {
    String[] parts = range.split("-");
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "business-hours must look like 09:00-18:00, got '" + range + "'");
    }
    try {
      LocalTime closes =
          parts[1].trim().equals("24:00") ? LocalTime.MAX : LocalTime.parse(parts[1].trim());
      return new BusinessHours(LocalTime.parse(parts[0].trim()), closes, days, zone);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          "business-hours must look like 09:00-18:00, got '" + range + "'", e);
    }
  }

  /** True when {@code t} is within the business hours. */
  public boolean contains(Instant t) {
    ZonedDateTime local = t.atZone(zone);
    LocalTime time = local.toLocalTime();
    return days.contains(local.getDayOfWeek()) && !time.isBefore(opens) && time.isBefore(closes);
  }
}
