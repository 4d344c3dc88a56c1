package io.entityflow.consumer.internal;

/**
 * A message that is not an event of the consumer's entity; it goes to the dead-letter topic at once
 * with this message as the reason.
 *
 * <pre>{@code
 * throw new UndecodableEventException("attribute 'event_id' is missing", null);
 * }</pre>
 */
public final class UndecodableEventException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A decode failure with its reason and, when there is one, the underlying exception. */
  public UndecodableEventException(String reason, Throwable cause) {
    super(reason, cause);
  }

  /** The class reported in {@code dead_letter_exception}: the cause's, else this one's. */
  public String exceptionClass() {
    return getCause() != null ? getCause().getClass().getName() : getClass().getName();
  }
}
