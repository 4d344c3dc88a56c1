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
 */
public record SeriesHistory(SeriesKey key, HourlyCounts counts, Instant lastEventAt) {}
