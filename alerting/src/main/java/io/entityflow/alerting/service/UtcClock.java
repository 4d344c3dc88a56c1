package io.entityflow.alerting.service;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A {@link Clock} that always reads in UTC: subclasses only say what the instant is. The alerting
 * service judges in instants and converts to a rule's zone itself, so its clocks have no zone of
 * their own.
 *
 * <pre>{@code
 * Clock clock = new UtcClock() {
 *   public Instant instant() { return Instant.parse("2026-01-19T00:30:00Z"); }
 * };
 * }</pre>
 *
 * <p>Guarantees: {@link #getZone()} is UTC; {@link #withZone(ZoneId)} returns this clock unchanged.
 */
public abstract class UtcClock extends Clock {
  /** For subclasses. */
  protected UtcClock() {}

  @Override
  public final ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public final Clock withZone(ZoneId zone) {
    return this;
  }
}
