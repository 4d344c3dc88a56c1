package io.entityflow.alerting.backtest;

import java.time.Duration;
import java.time.Instant;

/**
 * A labelled span of history during which alerts are expected: an outage (from its start to its end
 * plus a grace period) or the first days after a level shift. Alerts that start inside it are
 * attributed to it; alerts that start outside every incident are false.
 *
 * <pre>{@code
 * Incident outage = Incident.outage("total", from, to, Duration.ofHours(6));
 * Incident shift = Incident.levelShift(at, Duration.ofDays(7));
 * }</pre>
 *
 * @param label what was injected, e.g. {@code total} or {@code shift-30}
 * @param from start of the incident (an outage's start, a shift's instant)
 * @param to end of the injected outage (equal to {@code from} for a level shift)
 * @param windowEnd end (exclusive) of the span alerts are attributed to it
 * @param levelShift true for a lasting level shift (its later false alerts are counted apart)
 */
public record Incident(
    String label, Instant from, Instant to, Instant windowEnd, boolean levelShift) {
  /** Validates the order. */
  public Incident {
    if (to.isBefore(from) || !windowEnd.isAfter(from)) {
      throw new IllegalArgumentException(
          "incident '"
              + label
              + "' must have from <= to < window end, got "
              + from
              + ", "
              + to
              + ", "
              + windowEnd);
    }
  }

  /** An outage {@code [from, to)} whose alerts may start until {@code to + grace}. */
  public static Incident outage(String label, Instant from, Instant to, Duration grace) {
    return new Incident(label, from, to, to.plus(grace), false);
  }

  /** A level shift at {@code at} whose alerts may start until {@code at + settle}. */
  public static Incident levelShift(String label, Instant at, Duration settle) {
    return new Incident(label, at, at, at.plus(settle), true);
  }

  /** True when {@code t} lies in {@code [from, windowEnd)}. */
  public boolean attributes(Instant t) {
    return !t.isBefore(from) && t.isBefore(windowEnd);
  }
}
