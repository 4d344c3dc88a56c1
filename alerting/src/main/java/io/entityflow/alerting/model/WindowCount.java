package io.entityflow.alerting.model;

import java.time.Instant;

/**
 * The exact number of events of one series in {@code [from, to)}, counted in the warehouse: what a
 * static minimum with a window of any length (e.g. 30 minutes) and business hours in minutes (e.g.
 * {@code 09:30-17:45}) is judged on.
 *
 * <pre>{@code
 * new WindowCount(Instant.parse("2026-01-05T09:30:00Z"), Instant.parse("2026-01-05T10:00:00Z"), 4);
 * }</pre>
 *
 * @param from start (inclusive)
 * @param to end (exclusive)
 * @param count events in the window
 */
public record WindowCount(Instant from, Instant to, long count) {}
