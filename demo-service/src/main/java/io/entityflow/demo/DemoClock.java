package io.entityflow.demo;

import java.time.Duration;
import java.time.Instant;

/**
 * The demo's compressed clock: simulated time starts at {@code start} when the service starts and
 * runs {@code speed} times faster than real time. The alerting service of local mode runs on the
 * same clock ({@code entityflow.alerting.clock-start} / {@code clock-speed}), and local mode starts
 * it in the past, so simulated time stays behind the pipeline's real ingestion watermark.
 *
 * <pre>{@code
 * DemoClock clock = new DemoClock(Instant.parse("2026-11-16T08:00:00Z"), 60);
 * clock.at(Duration.ofMinutes(2)); // 2026-11-16T10:00:00Z: two simulated hours later
 * }</pre>
 *
 * @param start simulated time at start-up
 * @param speed simulated seconds per real second
 */
public record DemoClock(Instant start, double speed) {

  public DemoClock {
    if (!(speed > 0)) {
      throw new IllegalArgumentException(
          "entityflow.demo.clock-speed must be positive, got " + speed);
    }
  }

  /** Simulated time after {@code elapsed} real time. */
  public Instant at(Duration elapsed) {
    return start.plusNanos((long) (elapsed.toNanos() * speed));
  }

  /** Simulated length of a real duration. */
  public Duration simulated(Duration real) {
    return Duration.ofNanos((long) (real.toNanos() * speed));
  }

  /** The UTC hour of day of a simulated instant, with fractions. */
  public static double hourOfDay(Instant at) {
    long secondOfDay = Math.floorMod(at.getEpochSecond(), 86_400L);
    return secondOfDay / 3600.0;
  }
}
