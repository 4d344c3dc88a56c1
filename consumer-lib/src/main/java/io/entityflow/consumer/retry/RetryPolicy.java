package io.entityflow.consumer.retry;

import java.time.Duration;

/**
 * Decides which handler failures are retried, how often, and how long to wait in between. The
 * default is {@link DefaultRetryPolicy} from {@code entityflow.consumer.retry.*}; replace the bean
 * to decide otherwise.
 *
 * <pre>{@code
 * @Singleton @Replaces(RetryPolicy.class)
 * RetryPolicy retryPolicy() {
 *   return new DefaultRetryPolicy(3, Duration.ofMillis(200), 2.0, Duration.ofSeconds(5),
 *       List.of(java.net.http.HttpTimeoutException.class));
 * }
 * }</pre>
 */
public interface RetryPolicy {
  /** Whether {@code failure} (thrown by a handler) should be retried. */
  boolean isRetryable(Throwable failure);

  /** Handler calls per event, the first included (1 = never retry). */
  int maxAttempts();

  /** The wait after failed attempt {@code attempt} (1-based) before the next one. */
  Duration backoff(int attempt);
}
