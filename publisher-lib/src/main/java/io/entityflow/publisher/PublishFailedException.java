package io.entityflow.publisher;

/**
 * Pub/Sub did not store an event: the exception its future completes with. The cause is the
 * client's error (e.g. a gRPC {@code UNAVAILABLE} after the retry timeout, a flow-control limit, a
 * paused ordering key), {@link PublishTimeoutException} (no answer within the retry timeout),
 * {@link PublisherClosedException} at shutdown, or {@link PublisherDisabledException} when the
 * publisher is switched off.
 *
 * <pre>{@code
 * publisher.publish(sale, Operation.CREATED).exceptionally(e -> {
 *   PublishFailedException failed = (PublishFailedException) e;
 *   outbox.retryLater(failed.eventId());
 *   return null;
 * });
 * }</pre>
 */
public final class PublishFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String eventId;
  private final String topic;

  /** Creates the exception for one event. */
  public PublishFailedException(String eventId, String topic, Throwable cause) {
    super(
        "event "
            + eventId
            + " was not published to topic "
            + topic
            + ": "
            + (cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage()),
        cause);
    this.eventId = eventId;
    this.topic = topic;
  }

  /** The {@code event_id} of the event that was not published. */
  public String eventId() {
    return eventId;
  }

  /** The short topic name. */
  public String topic() {
    return topic;
  }
}
