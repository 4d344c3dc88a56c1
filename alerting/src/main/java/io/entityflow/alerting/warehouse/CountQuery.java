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
    String dataset, String table, String segmentColumn, Instant from, Instant to) {
  /** Truncates {@code from} to the hour and validates names. */
  public CountQuery {
    from = from.truncatedTo(ChronoUnit.HOURS);
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "count query must end after it starts: " + from + " " + to);
    }
    for (String name : new String[] {dataset, table}) {
      if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException(
            "dataset and table must be plain identifiers, got '" + name + "'");
      }
    }
    if (segmentColumn != null && !segmentColumn.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException(
          "segment column must be a plain column name, got '" + segmentColumn + "'");
    }
  }

  /** Hours covered, the last possibly partial. */
  public int hours() {
    return (int) Math.ceil((to.getEpochSecond() - from.getEpochSecond()) / 3600.0);
  }
}
