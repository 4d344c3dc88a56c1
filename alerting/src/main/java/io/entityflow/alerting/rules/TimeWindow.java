package io.entityflow.alerting.rules;

import java.time.Instant;

/**
 * A span of time, e.g. a maintenance window, during which series expect no events and nothing is
 * judged.
 *
 * <pre>{@code
 * new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-01T04:00:00Z"), "migration");
 * }</pre>
 *
 * @param from start (inclusive)
 * @param to end (exclusive)
 * @param reason why, shown in the API
 */
public record TimeWindow(Instant from, Instant to, String reason) {
  /** Validates the order. */
  public TimeWindow {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "maintenance window must end after it starts, got from " + from + " to " + to);
    }
  }

  /** True when {@code t} lies inside. */
  public boolean contains(Instant t) {
    return !t.isBefore(from) && t.isBefore(to);
  }
}
