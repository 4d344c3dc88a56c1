package io.entityflow.publisher;

import io.entityflow.publisher.config.PublisherConfiguration;

/**
 * The publisher is switched off with {@code entityflow.publisher.enabled=false}: the cause of the
 * {@link PublishFailedException} every event's future fails with, so that no event is dropped
 * silently while the service itself keeps running.
 *
 * <pre>{@code
 * publisher.publish(sale, Operation.CREATED).exceptionally(e -> {
 *   // e is a PublishFailedException; e.getCause() is a PublisherDisabledException
 *   return null;
 * });
 * }</pre>
 */
public final class PublisherDisabledException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** The exception for one refused event of {@code entity}. */
  public PublisherDisabledException(String entity) {
    super(
        "the entity publisher is disabled ("
            + PublisherConfiguration.PREFIX
            + ".enabled"
            + "=false); this "
            + entity
            + " event was validated but not sent to Pub/Sub");
  }
}
