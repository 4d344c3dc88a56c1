package io.entityflow.alerting.notify;

import java.time.Duration;

/**
 * A failed send. {@code retryAfter} carries a server's {@code Retry-After} (e.g. Slack's 429);
 * non-retryable failures (e.g. HTTP 400) are not retried.
 *
 * <pre>{@code
 * throw new DeliveryException("slack: HTTP 429", Duration.ofSeconds(3), true, null);
 * }</pre>
 */
public final class DeliveryException extends Exception {
  private final transient Duration retryAfter;
  private final boolean retryable;

  /** Creates the exception; the message must not contain secrets. */
  public DeliveryException(
      String message, Duration retryAfter, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
    this.retryable = retryable;
  }

  /** The server's requested wait, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whether another attempt may succeed. */
  public boolean retryable() {
    return retryable;
  }
}
