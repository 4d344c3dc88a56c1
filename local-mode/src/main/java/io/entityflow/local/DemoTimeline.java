package io.entityflow.local;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The shared compressed clock of a local demo: the demo service publishes with occurred-at on it
 * and the alerting service judges on it. It starts at 08:00 UTC three days ago and runs 30 times
 * faster than real time, so it stays behind the pipeline's real ingestion watermark for more than
 * two hours of demo; eight days of history before the start let the alerting service learn
 * baselines.
 *
 * <pre>{@code
 * DemoTimeline timeline = DemoTimeline.startingNear(Instant.now());
 * timeline.start(); // e.g. 2026-11-20T08:00:00Z
 * timeline.at(Instant.now()); // the simulated now
 * }</pre>
 *
 * @param start simulated time at the real instant {@code anchor}
 * @param anchor the real instant at which every process's clock reads {@code start}
 * @param speed simulated seconds per real second
 * @param history simulated history published before {@code start}
 */
public record DemoTimeline(Instant start, Instant anchor, double speed, Duration history) {
  /**
   * Default speed: one simulated hour per two real minutes. Faster clocks turn the pipeline's few
   * seconds of latency into simulated silences long enough to look like outages.
   */
  public static final double SPEED = 30;

  /** Default history: eight days, one more than the alerting service's minimum. */
  public static final Duration HISTORY = Duration.ofDays(8);

  /** The timeline of a demo started at {@code now}. */
  public static DemoTimeline startingNear(Instant now) {
    Instant start =
        now.atZone(ZoneOffset.UTC)
            .toLocalDate()
            .minusDays(3)
            .atTime(8, 0)
            .toInstant(ZoneOffset.UTC);
    return new DemoTimeline(start.truncatedTo(ChronoUnit.HOURS), now, SPEED, HISTORY);
  }

  /** Simulated time at the real instant {@code real}. */
  public Instant at(Instant real) {
    return start.plusNanos((long) (Duration.between(anchor, real).toNanos() * speed));
  }
}
