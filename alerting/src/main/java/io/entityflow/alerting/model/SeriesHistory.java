package io.entityflow.alerting.model;

import java.time.Instant;

/**
 * What the warehouse knows about one series: hourly counts over the lookback and the time of its
 * latest event.
 *
 * <pre>{@code
 * SeriesHistory history = new SeriesHistory(key, counts, Instant.parse("2026-01-05T10:42:00Z"));
 * }</pre>
 *
 * @param key the series
 * @param counts hourly counts over the queried range
 * @param lastEventAt the latest event's {@code occurred_at} in the queried range, or null
 * @param window the exact count of the window a static minimum judges, or null (learned rules)
 * @param lastYear hourly counts of last year's calendar periods (see {@link CalendarPeriod}), or
 *     null when none was queried
 */
public record SeriesHistory(
    SeriesKey key,
    HourlyCounts counts,
    Instant lastEventAt,
    WindowCount window,
    HourlyCounts lastYear) {

  /** A history without a window count. */
  public SeriesHistory(SeriesKey key, HourlyCounts counts, Instant lastEventAt) {
    this(key, counts, lastEventAt, null, null);
  }

  /** A history without last year's counts. */
  public SeriesHistory(
      SeriesKey key, HourlyCounts counts, Instant lastEventAt, WindowCount window) {
    this(key, counts, lastEventAt, window, null);
  }

  /** This history with the exact count of a window. */
  public SeriesHistory withWindow(WindowCount newWindow) {
    return new SeriesHistory(key, counts, lastEventAt, newWindow, lastYear);
  }

  /** This history with last year's counts of its calendar periods. */
  public SeriesHistory withLastYear(HourlyCounts counts) {
    return new SeriesHistory(key, this.counts, lastEventAt, window, counts);
  }
}
