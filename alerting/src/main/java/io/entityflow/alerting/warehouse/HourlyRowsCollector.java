package io.entityflow.alerting.warehouse;

import io.entityflow.alerting.model.HourlyCounts;
import io.entityflow.alerting.model.SeriesHistory;
import io.entityflow.alerting.model.SeriesKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns aggregated rows {@code (operation, segment, hour, count, last event)} into one {@link
 * SeriesHistory} per operation and segment value.
 *
 * <pre>{@code
 * HourlyRowsCollector rows = new HourlyRowsCollector(query);
 * rows.add("CREATED", null, hourEpochSeconds, 12, lastEventMicros);
 * List<SeriesHistory> series = rows.build();
 * }</pre>
 */
public final class HourlyRowsCollector {
  private final CountQuery query;
  private final int hours;
  private final Map<String, long[]> counts = new LinkedHashMap<>();
  private final Map<String, Long> lastMicros = new LinkedHashMap<>();
  private final Map<String, SeriesKey> keys = new LinkedHashMap<>();
  private String lastKey;

  /** Creates a collector for one query. */
  public HourlyRowsCollector(CountQuery query) {
    this.query = query;
    this.hours = query.hours();
  }

  /** Adds one aggregated row. */
  public void add(
      String operation, String segmentValue, long hourEpochSeconds, long count, long lastMicro) {
    String segment =
        query.segmentColumn() == null
            ? null
            : query.segmentColumn() + "=" + (segmentValue == null ? "" : segmentValue);
    SeriesKey key = new SeriesKey(query.dataset(), query.table(), operation, segment);
    String id = key.id();
    keys.putIfAbsent(id, key);
    long[] series = counts.computeIfAbsent(id, k -> new long[hours]);
    int index = (int) ((hourEpochSeconds - query.from().getEpochSecond()) / 3600);
    if (index >= 0 && index < hours) {
      series[index] += count;
    }
    lastMicros.merge(id, lastMicro, Math::max);
    lastKey = id;
  }

  /**
   * Adds the hours of one series at once (one key for all of them): {@code hourEpochSeconds[i]} had
   * {@code counts[i]} events.
   */
  public void addAll(
      String operation,
      String segmentValue,
      long[] hourEpochSeconds,
      long[] counts,
      long lastMicro) {
    if (hourEpochSeconds.length == 0) {
      return;
    }
    add(operation, segmentValue, hourEpochSeconds[0], counts[0], lastMicro);
    long[] series = this.counts.get(lastKey);
    long from = query.from().getEpochSecond();
    for (int i = 1; i < hourEpochSeconds.length; i++) {
      int index = (int) ((hourEpochSeconds[i] - from) / 3600);
      if (index >= 0 && index < hours) {
        series[index] += counts[i];
      }
    }
  }

  /** The series collected, in first-seen order. */
  public List<SeriesHistory> build() {
    List<SeriesHistory> result = new ArrayList<>();
    for (Map.Entry<String, SeriesKey> e : keys.entrySet()) {
      long micros = lastMicros.get(e.getKey());
      result.add(
          new SeriesHistory(
              e.getValue(),
              new HourlyCounts(query.from(), counts.get(e.getKey())),
              Instant.ofEpochSecond(
                  Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000)));
    }
    return result;
  }
}
