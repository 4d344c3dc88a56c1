package io.entityflow.local;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The shared compressed clock of a local demo: the demo service publishes with occurred-at on it
 * and the alerting service judges on it. A fresh demo starts it at 08:00 UTC three days ago and
 * runs it 30 times faster than real time, so it stays behind the pipeline's real ingestion
 * watermark for more than two hours of demo; eight days of history before the start let the
 * alerting service learn baselines. A continued demo ({@code demo --continue}) starts it where the
 * previous run stopped, with no history: the previous runs' data is the history.
 *
 * <pre>{@code
 * DemoTimeline fresh = DemoTimeline.startingNear(Instant.now());
 * fresh.start(); // e.g. 2026-11-20T08:00:00Z
 * fresh.at(Instant.now()); // the simulated now
 * DemoTimeline next = DemoTimeline.continuing(Instant.parse("2026-11-20T09:30:00Z"), Instant.now());
 * next.history(); // PT0S: nothing is published again
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

  /** The timeline of a fresh demo started at {@code now}. */
  public static DemoTimeline startingNear(Instant now) {
    return startingOn(now.atZone(ZoneOffset.UTC).toLocalDate(), now);
  }

  /**
   * The timeline of a fresh demo started on the UTC day {@code today} at the real instant {@code
   * anchor}: the clock reads 08:00 UTC three days before {@code today} at {@code anchor}.
   */
  public static DemoTimeline startingOn(LocalDate today, Instant anchor) {
    Instant start = today.minusDays(3).atTime(8, 0).toInstant(ZoneOffset.UTC);
    return new DemoTimeline(start, anchor, SPEED, HISTORY);
  }

  /**
   * The timeline of a demo that continues a previous run: the clock reads {@code previousEnd} (the
   * simulated instant the previous run stopped at) at the real instant {@code now}, and no history
   * is published.
   */
  public static DemoTimeline continuing(Instant previousEnd, Instant now) {
    return new DemoTimeline(previousEnd, now, SPEED, Duration.ZERO);
  }

  /** The first simulated instant this run publishes: {@code start} minus {@code history}. */
  public Instant historyStart() {
    return start.minus(history);
  }

  /** Simulated time at the real instant {@code real}. */
  public Instant at(Instant real) {
    return start.plusNanos((long) (Duration.between(anchor, real).toNanos() * speed));
  }
}
