package io.entityflow.alerting.evaluation;

import java.time.Instant;

/**
 * One hour of a series for the status chart: observed count and the expected band.
 *
 * <pre>{@code
 * new ChartPoint(hour, 12, 14.0, 6.0, 23.0);
 * }</pre>
 *
 * @param hour hour start
 * @param observed events counted
 * @param expected expected events
 * @param low lower edge of the 98% band
 * @param high upper edge of the 98% band
 */
public record ChartPoint(Instant hour, long observed, double expected, double low, double high) {}
