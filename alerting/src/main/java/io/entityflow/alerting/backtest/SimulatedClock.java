package io.entityflow.alerting.backtest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock the backtest moves by hand: the service's evaluator and lifecycle read the replayed
 * time from it.
 *
 * <pre>{@code
 * SimulatedClock clock = new SimulatedClock(Instant.parse("2026-01-13T00:00:00Z"));
 * clock.set(clock.instant().plusSeconds(60));
 * }</pre>
 *
 * <p>Guarantees: reads return exactly the last instant set; not thread-safe (one replay, one
 * thread).
 */
final class SimulatedClock extends Clock {
  private Instant now;

  SimulatedClock(Instant start) {
    this.now = start;
  }

  void set(Instant t) {
    now = t;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the backtest clock is UTC only, asked for " + zone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
