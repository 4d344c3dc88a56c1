package io.entityflow.alerting.model;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * Event counts of one series in consecutive UTC hours starting at {@link #start()}. Hours without
 * events count 0.
 *
 * <pre>{@code
 * HourlyCounts counts = new HourlyCounts(Instant.parse("2026-01-05T00:00:00Z"), new long[] {3, 0, 5});
 * counts.countAt(Instant.parse("2026-01-05T02:00:00Z")); // 5
 * }</pre>
 *
 * <p>Guarantees: immutable; {@code start} is aligned to a whole hour.
 */
public final class HourlyCounts {
  private static final long HOUR_SECONDS = 3600;
  private final Instant start;
  private final long[] counts;

  /** Creates counts starting at an hour-aligned instant. */
  public HourlyCounts(Instant start, long[] counts) {
    if (!start.truncatedTo(ChronoUnit.HOURS).equals(start)) {
      throw new IllegalArgumentException(
          "hourly counts must start at a whole hour, got " + start + "; e.g. 2026-01-05T10:00:00Z");
    }
    this.start = start;
    this.counts = counts.clone();
  }

  /** The first hour. */
  public Instant start() {
    return start;
  }

  /** The end of the last hour (exclusive). */
  public Instant end() {
    return start.plusSeconds(HOUR_SECONDS * counts.length);
  }

  /** Number of hours. */
  public int size() {
    return counts.length;
  }

  /** The count of the i-th hour. */
  public long count(int i) {
    return counts[i];
  }

  /** The start of the i-th hour. */
  public Instant hourStart(int i) {
    return start.plusSeconds(HOUR_SECONDS * i);
  }

  /** Index of the hour containing {@code t}, possibly outside {@code [0, size)}. */
  public int indexOf(Instant t) {
    return (int) Math.floorDiv(Duration.between(start, t).getSeconds(), HOUR_SECONDS);
  }

  /** The count of the hour containing {@code t}, 0 outside the range. */
  public long countAt(Instant t) {
    int i = indexOf(t);
    return i >= 0 && i < counts.length ? counts[i] : 0;
  }

  /** Sum of all hours. */
  public long total() {
    return Arrays.stream(counts).sum();
  }

  /** The hour of the first non-zero count, or -1. */
  public int firstNonZero() {
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return "HourlyCounts{start=" + start + ", hours=" + counts.length + ", total=" + total() + "}";
  }
}
