package io.entityflow.publisher;

/**
 * Pub/Sub did not answer an event within {@code retry.total-timeout} (plus one {@code
 * rpc-timeout}): the cause of the {@link PublishFailedException} the event's future fails with.
 * With message ordering on the Pub/Sub client retries a failing request without end, so this is how
 * such an event ends; the client may still store it later, which is why a caller retrying it should
 * reuse the event id (consumers deduplicate on {@code event_id}).
 *
 * <pre>{@code
 * publisher.publish(sale, Operation.CREATED, eventId).exceptionally(e -> {
 *   if (e.getCause() instanceof PublishTimeoutException) {
 *     outbox.retryLater(eventId); // same event id
 *   }
 *   return null;
 * });
 * }</pre>
 */
public final class PublishTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the timeout. */
  public PublishTimeoutException(String message) {
    super(message);
  }
}
