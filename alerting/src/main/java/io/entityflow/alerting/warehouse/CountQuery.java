package io.entityflow.alerting.warehouse;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Hourly counts of every operation (and segment value) of one table over {@code [from, to)}.
 *
 * <pre>{@code
 * new CountQuery("retail", "sale_v1", "store_id", now.minus(Duration.ofDays(29)), now);
 * }</pre>
 *
 * @param dataset dataset
 * @param table table
 * @param segmentColumn column to group by as well, or null
 * @param from start (inclusive), truncated to the hour
 * @param to end (exclusive)
 */
public record CountQuery(
    String dataset, String table, String segmentColumn, Instant from, Instant to)
    implements CountedRange {
  /** Truncates {@code from} to the hour and validates names. */
  public CountQuery {
    from = from.truncatedTo(ChronoUnit.HOURS);
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "count query must end after it starts: " + from + " " + to);
    }
    TableIdentifiers.require(dataset, table, segmentColumn);
  }

  /** Hours covered, the last possibly partial. */
  public int hours() {
    return (int) Math.ceil((to.getEpochSecond() - from.getEpochSecond()) / 3600.0);
  }
}
