package io.entityflow.outbox.store;

import java.time.Duration;

/**
 * What the outbox table holds right now.
 *
 * <pre>{@code
 * OutboxStats stats = table.stats();
 * stats.depth();     // rows waiting to be published
 * stats.oldestAge(); // Duration.ZERO when none waits
 * }</pre>
 *
 * @param depth rows waiting to be published (parked rows excluded)
 * @param oldestAge age of the oldest waiting row by the database clock, zero when none waits
 * @param retrying waiting rows backing off after a failed publish
 * @param invalid parked rows that no longer validate and are never published
 */
public record OutboxStats(long depth, Duration oldestAge, long retrying, long invalid) {

  /** An empty outbox. */
  public static final OutboxStats EMPTY = new OutboxStats(0, Duration.ZERO, 0, 0);
}
