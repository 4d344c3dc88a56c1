package io.entityflow.alerting.warehouse;

import java.time.Instant;

/**
 * A request for the exact number of events per operation (and segment value) of one table in {@code
 * [from, to)}, to the millisecond: the window a static minimum is judged on.
 *
 * <pre>{@code
 * new WindowCountQuery("energy", "user_v1", null, now.minus(Duration.ofMinutes(30)), now);
 * }</pre>
 *
 * <p>Guarantees: names are plain identifiers (safe to quote into SQL); {@code from < to}.
 *
 * @param dataset dataset (domain)
 * @param table table ({@code snake(entity)_v<major>})
 * @param segmentColumn column to group by as well, or null
 * @param from start (inclusive)
 * @param to end (exclusive)
 */
public record WindowCountQuery(
    String dataset, String table, String segmentColumn, Instant from, Instant to)
    implements CountedRange {
  /** Validates names and bounds. */
  public WindowCountQuery {
    TableIdentifiers.require(dataset, table, segmentColumn);
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "window count must end after it starts: " + from + " " + to);
    }
  }

  /** The series id of a result row, as in {@link HourlyRowsCollector}. */
  public String seriesId(String operation, String segmentValue) {
    return dataset
        + "."
        + table
        + "/"
        + operation
        + (segmentColumn == null
            ? ""
            : "/" + segmentColumn + "=" + (segmentValue == null ? "" : segmentValue));
  }
}
