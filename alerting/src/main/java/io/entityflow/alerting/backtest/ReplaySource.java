package io.entityflow.alerting.backtest;

import io.entityflow.alerting.model.HourlyCounts;
import io.entityflow.alerting.model.SeriesHistory;
import io.entityflow.alerting.model.SeriesKey;
import io.entityflow.alerting.rules.TimeWindow;
import io.entityflow.alerting.warehouse.CountQuery;
import io.entityflow.alerting.warehouse.EventCountSource;
import io.entityflow.alerting.warehouse.WindowCountQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link EventCountSource} over history rows of one series, for the backtest: it answers the
 * service's queries as the warehouse would have at the simulated clock's time. A row counts the
 * events of {@code [at, at + resolution)} ({@link RowEvents}); its events are spread evenly over
 * that interval, so a query up to an instant inside a row sees the events before it and the exact
 * time of the last one ({@code max(occurred_at)}). Events of injected outages are removed. The
 * ingestion watermark is the clock, capped at the end of the last row.
 *
 * <pre>{@code
 * ReplaySource source = new ReplaySource(rows, List.of(outage), key, clock);
 * source.hourlyCounts(new CountQuery("csv", "csv", null, from, to));
 * }</pre>
 *
 * <p>Guarantees: deterministic; answers depend only on the query bounds (and the clock for the
 * watermark); a row counts in the hour it starts in; each query costs O(hours + log rows) (prefix
 * sums over the rows, built once).
 */
final class ReplaySource implements EventCountSource {
  private final List<CountRow> rows;
  private final SeriesKey key;
  private final Clock clock;
  private final Duration resolution;
  private final long[] counts;
  private final long[] before;
  private final int[] lastNonZero;
  private final long[] rowMillis;
  private final Instant dataEnd;
  private final Instant origin;
  private final int[] hourOfRow;
  private final int[] firstRowOfHour;

  ReplaySource(List<CountRow> rows, List<TimeWindow> outages, SeriesKey key, Clock clock) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("backtest needs history, got no rows");
    }
    this.rows = List.copyOf(rows);
    this.key = key;
    this.clock = clock;
    this.resolution = RowEvents.resolution(rows);
    int n = rows.size();
    counts = new long[n];
    before = new long[n + 1];
    lastNonZero = new int[n];
    rowMillis = new long[n];
    int last = -1;
    for (int i = 0; i < n; i++) {
      CountRow row = rows.get(i);
      counts[i] = RowEvents.inOutage(row.at(), outages) ? 0 : row.count();
      before[i + 1] = before[i] + counts[i];
      last = counts[i] > 0 ? i : last;
      lastNonZero[i] = last;
      rowMillis[i] = row.at().toEpochMilli();
    }
    dataEnd = rows.get(n - 1).at().plus(resolution);
    // rows count in the hour they start in; firstRowOfHour[h] = first row of hour h or later
    origin = rows.get(0).at().truncatedTo(ChronoUnit.HOURS);
    hourOfRow = new int[n];
    for (int i = 0; i < n; i++) {
      hourOfRow[i] = (int) (Duration.between(origin, rows.get(i).at()).getSeconds() / 3600);
    }
    firstRowOfHour = new int[hourOfRow[n - 1] + 2];
    int row = 0;
    for (int h = 0; h < firstRowOfHour.length; h++) {
      while (row < n && hourOfRow[row] < h) {
        row++;
      }
      firstRowOfHour[h] = row;
    }
  }

  /** The rows' interval. */
  Duration resolution() {
    return resolution;
  }

  /** The series' key, as its findings name it. */
  SeriesKey key() {
    return key;
  }

  @Override
  public List<SeriesHistory> hourlyCounts(CountQuery query) {
    if (!query.dataset().equals(key.dataset()) || !query.table().equals(key.table())) {
      return List.of();
    }
    return List.of(history(query.from(), query.to(), query.hours()));
  }

  /**
   * The series as the warehouse holds it for {@code [from, to)} ({@code from} on a whole hour):
   * hourly counts and the latest event.
   */
  SeriesHistory history(Instant from, Instant to, int hours) {
    long[] hourly = new long[hours];
    int k = lastRowBefore(to);
    Instant latest = null;
    if (k >= 0) {
      long seen = seenBefore(k, to);
      long originHour = Math.floorDiv(origin.getEpochSecond(), 3600);
      long fromHour = Math.floorDiv(from.getEpochSecond(), 3600);
      int kHour = hourOfRow[k];
      for (int h = 0; h < hours; h++) {
        long absolute = fromHour + h - originHour;
        if (absolute < 0 || absolute > kHour) {
          continue;
        }
        int first = firstRowOfHour[(int) absolute];
        hourly[h] =
            absolute < kHour
                ? before[firstRowOfHour[(int) absolute + 1]] - before[first]
                : before[k] - before[first] + seen;
      }
      int lastRow = seen > 0 ? k : (k > 0 ? lastNonZero[k - 1] : -1);
      if (lastRow >= 0) {
        long n = lastRow == k ? seen : counts[lastRow];
        Instant t = RowEvents.eventTime(rows.get(lastRow).at(), resolution, counts[lastRow], n);
        latest = t.isBefore(from) ? null : t;
      }
    }
    return new SeriesHistory(key, new HourlyCounts(from, hourly), latest);
  }

  @Override
  public List<Map<String, Long>> windowCounts(List<WindowCountQuery> queries) {
    List<Map<String, Long>> out = new ArrayList<>();
    for (WindowCountQuery q : queries) {
      Map<String, Long> m = new HashMap<>();
      long n = eventsBefore(q.to()) - eventsBefore(q.from());
      if (n > 0 && q.dataset().equals(key.dataset()) && q.table().equals(key.table())) {
        m.put(key.id(), n);
      }
      out.add(m);
    }
    return out;
  }

  @Override
  public Optional<Instant> ingestedThrough() {
    Instant now = clock.instant();
    return Optional.of(now.isAfter(dataEnd) ? dataEnd : now);
  }

  /** Events strictly before {@code t}. */
  private long eventsBefore(Instant t) {
    int k = lastRowBefore(t);
    return k < 0 ? 0 : before[k] + seenBefore(k, t);
  }

  /** Events of row {@code k} strictly before {@code t}. */
  private long seenBefore(int k, Instant t) {
    return RowEvents.eventsSeen(rows.get(k).at(), resolution, counts[k], t.minusMillis(1));
  }

  /** Index of the last row starting before {@code t}, or -1. */
  private int lastRowBefore(Instant t) {
    long key = t.toEpochMilli();
    int lo = 0;
    int hi = rowMillis.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (rowMillis[mid] < key) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
