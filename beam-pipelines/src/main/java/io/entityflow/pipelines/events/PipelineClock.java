package io.entityflow.pipelines.events;

import java.io.Serializable;
import java.time.Instant;

/**
 * The time source of the pipeline's own timestamps ({@code ingestion_time}, {@code failed_at},
 * heartbeats), replaceable in tests.
 *
 * <pre>{@code
 * PipelineClock fixed = PipelineClock.fixed(Instant.parse("2026-11-23T10:00:00Z"));
 * }</pre>
 */
@FunctionalInterface
public interface PipelineClock extends Serializable {
  /** The current time. */
  Instant now();

  /** The system clock. */
  static PipelineClock system() {
    return SystemClock.INSTANCE;
  }

  /** A clock that always says {@code instant}. */
  static PipelineClock fixed(Instant instant) {
    return () -> instant;
  }

  /** The system clock as a singleton (serializes to a few bytes, unlike a lambda). */
  enum SystemClock implements PipelineClock {
    INSTANCE;

    @Override
    public Instant now() {
      return Instant.now();
    }
  }
}
