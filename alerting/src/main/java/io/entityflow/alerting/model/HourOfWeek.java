package io.entityflow.alerting.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Hour-of-week index in a time zone: 0 = Monday 00:00-01:00 local, 167 = Sunday 23:00-24:00.
 *
 * <pre>{@code
 * HourOfWeek.of(Instant.parse("2026-01-05T09:30:00Z"), ZoneId.of("UTC")); // 9 (a Monday)
 * }</pre>
 */
public final class HourOfWeek {
  /** Hours in a week. */
  public static final int HOURS = 168;

  private HourOfWeek() {}

  /** The hour-of-week of {@code t} in {@code zone}. */
  public static int of(Instant t, ZoneId zone) {
    ZonedDateTime local = t.atZone(zone);
    return (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
  }
}
