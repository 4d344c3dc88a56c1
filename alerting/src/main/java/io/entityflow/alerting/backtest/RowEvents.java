package io.entityflow.alerting.backtest;

import io.entityflow.alerting.rules.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where the events of history rows lie in time, for the backtest: a row counts the events of {@code
 * [at, at + resolution)} (resolution = smallest gap between rows, at most an hour), and its events
 * are taken as spread evenly over that interval, at the middle of {@code count} equal slots. So at
 * any instant inside a row the events before it are known, and the last event has an exact time, as
 * {@code max(occurred_at)} has in the warehouse.
 *
 * <pre>{@code
 * Duration resolution = RowEvents.resolution(rows);                  // e.g. PT1M
 * Instant last = RowEvents.eventTime(row.at(), resolution, 4, 4);   // at + 52.5 s
 * long seen = RowEvents.eventsSeen(row.at(), resolution, 4, t);
 * }</pre>
 *
 * <p>Guarantees: deterministic; {@code eventsSeen} is consistent with {@code eventTime} to the
 * millisecond; injected outages count no events.
 */
final class RowEvents {
  private RowEvents() {}

  /**
   * The rows' interval: the smallest gap between consecutive rows, at most one hour. A row's events
   * become visible, and count as its last event, at the end of its interval (never earlier than
   * they could have been seen).
   */
  static Duration resolution(List<CountRow> rows) {
    Duration smallest = Duration.ofHours(1);
    for (int i = 1; i < rows.size(); i++) {
      Duration gap = Duration.between(rows.get(i - 1).at(), rows.get(i).at());
      if (!gap.isZero() && !gap.isNegative() && gap.compareTo(smallest) < 0) {
        smallest = gap;
      }
    }
    return smallest;
  }

  /**
   * The time of the k-th (1-based) of {@code count} events of a row: a row's events are spread
   * evenly over its interval, at the middle of each of {@code count} equal slots.
   */
  static Instant eventTime(Instant rowStart, Duration resolution, long count, long k) {
    return rowStart.plusMillis(resolution.toMillis() * (2 * k - 1) / (2 * count));
  }

  /** How many of a row's {@code count} events happened at or before {@code t}. */
  static long eventsSeen(Instant rowStart, Duration resolution, long count, Instant t) {
    if (count <= 0) {
      return 0;
    }
    long elapsed = Duration.between(rowStart, t).toMillis();
    long k = Math.max(0, Math.min(count, (elapsed * 2 * count / resolution.toMillis() + 1) / 2));
    while (k < count && !eventTime(rowStart, resolution, count, k + 1).isAfter(t)) {
      k++;
    }
    while (k > 0 && eventTime(rowStart, resolution, count, k).isAfter(t)) {
      k--;
    }
    return k;
  }

  /**
   * Events in {@code [from, to)} of the rows up to index {@code upTo}, each row's events spread
   * evenly over its interval (injected outages removed).
   */
  static long countBetween(
      List<CountRow> rows,
      int upTo,
      Duration resolution,
      List<TimeWindow> outages,
      Instant from,
      Instant to) {
    long sum = 0;
    for (int i = Math.min(upTo, rows.size() - 1); i >= 0; i--) {
      CountRow row = rows.get(i);
      if (!row.at().plus(resolution).isAfter(from)) {
        break;
      }
      if (!row.at().isBefore(to)) {
        continue;
      }
      long count = inOutage(row.at(), outages) ? 0 : row.count();
      sum +=
          eventsSeen(row.at(), resolution, count, to.minusMillis(1))
              - eventsSeen(row.at(), resolution, count, from.minusMillis(1));
    }
    return sum;
  }

  static boolean inOutage(Instant t, List<TimeWindow> outages) {
    for (TimeWindow w : outages) {
      if (w.contains(t)) {
        return true;
      }
    }
    return false;
  }
}
