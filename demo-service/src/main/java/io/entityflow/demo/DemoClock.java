package io.entityflow.demo;

import java.time.Duration;
import java.time.Instant;

/**
 * The demo's compressed clock: it reads {@code start} at the real instant {@code anchor} and runs
 * {@code speed} times faster than real time. The alerting service of local mode gets the same
 * start, anchor and speed ({@code entityflow.alerting.clock-start}, {@code clock-anchor}, {@code
 * clock-speed}), so both agree on "now"; local mode starts the clock days in the past, so simulated
 * time stays behind the pipeline's real ingestion watermark.
 *
 * <pre>{@code
 * DemoClock clock = new DemoClock(Instant.parse("2026-11-16T08:00:00Z"), anchor, 60);
 * clock.at(anchor.plusSeconds(120)); // 2026-11-16T10:00:00Z: two simulated hours later
 * }</pre>
 *
 * @param start simulated time at the anchor
 * @param anchor the real instant at which the clock reads {@code start}
 * @param speed simulated seconds per real second
 */
public record DemoClock(Instant start, Instant anchor, double speed) {

  public DemoClock {
    if (!(speed > 0)) {
      throw new IllegalArgumentException(
          "entityflow.demo.clock-speed must be positive, got " + speed);
    }
  }

  /** Simulated time at the real instant {@code real}. */
  public Instant at(Instant real) {
    return start.plusNanos((long) (Duration.between(anchor, real).toNanos() * speed));
  }

  /** The UTC hour of day of a simulated instant, with fractions. */
  public static double hourOfDay(Instant at) {
    long secondOfDay = Math.floorMod(at.getEpochSecond(), 86_400L);
    return secondOfDay / 3600.0;
  }
}
