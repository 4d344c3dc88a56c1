package io.entityflow.consumer;

/**
 * Why an event went to the consumer's dead-letter topic; the {@link DeadLetterAttributes#KIND}
 * attribute.
 *
 * <pre>{@code
 * DeadLetterKind kind = DeadLetterKind.valueOf(message.getAttributesOrThrow("dead_letter_kind"));
 * }</pre>
 */
public enum DeadLetterKind {
  /**
   * The message is not an event of the consumer's entity: payload not decodable, a required
   * attribute missing or invalid, another schema or major version, or no entity id. Never handed to
   * the handler, never retried.
   */
  UNDECODABLE,
  /** The handler threw an exception that is not retryable. */
  NON_RETRYABLE,
  /** The handler threw retryable exceptions on every one of {@code retry.max-attempts} attempts. */
  RETRIES_EXHAUSTED
}
