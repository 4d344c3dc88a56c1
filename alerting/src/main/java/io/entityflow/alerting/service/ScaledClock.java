package io.entityflow.alerting.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A clock that starts at {@code start} and runs {@code speed} times faster than {@code base}: local
 * mode compresses hours of business into minutes.
 *
 * <pre>{@code
 * Clock clock = new ScaledClock(Clock.systemUTC(), Instant.parse("2026-01-05T08:00:00Z"), 60);
 * }</pre>
 *
 * <p>Guarantees: reads in UTC ({@link UtcClock}); monotonic when {@code base} is; speed 1 with
 * start = now behaves like {@code base}.
 */
public final class ScaledClock extends UtcClock {
  private final Clock base;
  private final Instant baseStart;
  private final Instant start;
  private final double speed;

  /** Creates the clock, reading {@code start} now. */
  public ScaledClock(Clock base, Instant start, double speed) {
    this(base, base.instant(), start, speed);
  }

  /** Creates the clock, reading {@code start} when {@code base} reads {@code baseStart}. */
  public ScaledClock(Clock base, Instant baseStart, Instant start, double speed) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException(
          "entityflow.alerting.clock-speed must be positive, got " + speed);
    }
    this.base = base;
    this.baseStart = baseStart;
    this.start = start;
    this.speed = speed;
  }

  @Override
  public Instant instant() {
    long elapsed = Duration.between(baseStart, base.instant()).toMillis();
    return start.plusMillis(Math.round(elapsed * speed));
  }

  /** The speed-up factor. */
  public double speed() {
    return speed;
  }
}
