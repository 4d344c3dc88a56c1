package io.entityflow.alerting.backtest;

import java.time.Instant;

/**
 * Events counted at one point of history (a CSV line {@code timestamp,count}, or an hour of the
 * warehouse).
 *
 * <pre>{@code
 * new CountRow(Instant.parse("2026-01-05T10:00:00Z"), 12);
 * }</pre>
 *
 * @param at when (the start of the row's interval)
 * @param count events
 */
public record CountRow(Instant at, long count) {}
