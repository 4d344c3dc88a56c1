package io.entityflow.outbox.relay;

import java.time.Duration;

/**
 * The wait before the next attempt of a row that failed: {@code initial} doubled per earlier
 * failure, at most {@code max}.
 *
 * <pre>{@code
 * Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));
 * backoff.after(1); // 1s
 * backoff.after(3); // 4s
 * }</pre>
 *
 * @param initial the wait after the first failure
 * @param max the longest wait
 */
public record Backoff(Duration initial, Duration max) {

  /** The wait after the {@code failures}-th failure (1 = the first). */
  public Duration after(int failures) {
    int doublings = Math.max(0, Math.min(failures - 1, 40));
    long millis = initial.toMillis();
    for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, max.toMillis()));
  }
}
