package io.entityflow.local;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a demo run records about its simulated timeline in {@code
 * .entityflow/demo-timeline.properties}, so that {@code demo --continue} can resume it: the first
 * simulated instant of the data (the history of the first run) and the simulated instant the run
 * stopped at. A running demo rewrites it with every progress line and once more when it stops, so a
 * run that was killed loses at most one progress interval.
 *
 * <pre>{@code
 * new TimelineRecord(Instant.parse("2026-11-09T08:00:00Z"), Instant.parse("2026-11-17T09:30:00Z"))
 *     .write(home.timelineFile());
 * TimelineRecord.read(home.timelineFile()).map(TimelineRecord::simulatedEnd); // 2026-11-17T09:30:00Z
 * }</pre>
 *
 * @param historyStart the first simulated instant of the data, over every continued run
 * @param simulatedEnd the simulated instant the run stopped at (or was at when last recorded)
 */
public record TimelineRecord(Instant historyStart, Instant simulatedEnd) {
  static final String HISTORY_START = "history-start";
  static final String SIMULATED_END = "simulated-end";

  /** Writes the record. */
  public void write(Path file) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(HISTORY_START, historyStart.toString());
    values.put(SIMULATED_END, simulatedEnd.toString());
    new DemoState(values).write(file);
  }

  /**
   * Reads the record, empty when no demo wrote one.
   *
   * @throws IllegalStateException naming the file, the key and the value when a key is missing or
   *     not an ISO-8601 instant
   */
  public static Optional<TimelineRecord> read(Path file) {
    return DemoState.read(file)
        .map(
            state ->
                new TimelineRecord(
                    instant(file, state, HISTORY_START), instant(file, state, SIMULATED_END)));
  }

  private static Instant instant(Path file, DemoState state, String key) {
    String value = state.values().get(key);
    try {
      return Instant.parse(value == null ? "" : value);
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(
          file
              + ": "
              + key
              + " must be an ISO-8601 instant such as 2026-11-17T09:30:00Z, got '"
              + (value == null ? "" : value)
              + "'");
    }
  }
}
