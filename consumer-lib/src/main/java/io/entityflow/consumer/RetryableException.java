package io.entityflow.consumer;

/**
 * Thrown by a handler (or found in the cause chain of what it threw) to say "try this event again
 * later": the library retries it in-process with exponential backoff up to {@code
 * entityflow.consumer.retry.max-attempts}, then dead-letters it. Every exception that is not
 * retryable dead-letters the event at once.
 *
 * <pre>{@code
 * try {
 *   provider.accrue(sale);
 * } catch (ProviderUnavailableException e) {
 *   throw new RetryableException("loyalty provider unavailable", e);
 * }
 * }</pre>
 */
public class RetryableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A retryable failure with a message. */
  public RetryableException(String message) {
    super(message);
  }

  /** A retryable failure with a message and its cause. */
  public RetryableException(String message, Throwable cause) {
    super(message, cause);
  }
}
