package io.entityflow.pipelines.convert;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The value the Storage Write API row holds for a TIMESTAMP column: microseconds since the epoch,
 * exactly what Beam's {@code TableRowToStorageApiProto} makes of the {@link Timestamps#format} text
 * of the same instant (truncated to microseconds).
 *
 * <pre>{@code
 * long micros = TimestampMicros.of(Instant.parse("2026-11-23T10:15:30.123456789Z"));
 * // 1795428930123456
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
final class TimestampMicros {
  /** 0001-01-01T00:00:00Z: before it {@link Timestamps#format} prints the year of the era. */
  private static final long FIRST_YEAR_ONE_SECOND = -62_135_596_800L;

  private TimestampMicros() {}

  /** Microseconds since the epoch of {@code instant}, as the TableRow path computes them. */
  static long of(Instant instant) {
    if (instant.getEpochSecond() < FIRST_YEAR_ONE_SECOND) {
      // Years before 1 print as their year of the era without the era ('yyyy'); the TableRow path
      // parses that text back, so do the same to write the same value.
      instant =
          DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(Timestamps.format(instant), Instant::from);
    }
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
  }
}
