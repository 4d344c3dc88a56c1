package io.entityflow.publisher;

import com.google.protobuf.Message;
import io.entityflow.contract.Operation;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One entity change to publish: the entity, the operation and the optional occurred-at time, event
 * id and extra attributes. Immutable; the {@code with*} methods return copies.
 *
 * <pre>{@code
 * PublishRequest request =
 *     PublishRequest.of(sale, Operation.UPDATED)
 *         .withOccurredAt(Instant.parse("2026-11-23T10:15:30Z"))
 *         .withEventId("0d1f6f0e-7a43-4c1f-9a1e-3f0b2b7f9d11")
 *         .withAttributes(Map.of("tenant", "nl"));
 * }</pre>
 *
 * @param entity the entity message, a top-level entity of the contract
 * @param operation what happened to it
 * @param occurredAt when it happened; {@code null} means when it is published
 * @param eventId the event id, a UUID; {@code null} means a new random one
 * @param attributes extra Pub/Sub attributes, never {@code null}
 */
public record PublishRequest(
    Message entity,
    Operation operation,
    Instant occurredAt,
    String eventId,
    Map<String, String> attributes) {

  /** Creates a request; only {@code attributes} is checked here (copied, never null). */
  public PublishRequest {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** A change that happened now, with a random event id and no extra attributes. */
  public static PublishRequest of(Message entity, Operation operation) {
    return new PublishRequest(entity, operation, null, null, Map.of());
  }

  /** A copy with the time the change happened. */
  public PublishRequest withOccurredAt(Instant occurredAt) {
    return new PublishRequest(
        entity, operation, Objects.requireNonNull(occurredAt, "occurredAt"), eventId, attributes);
  }

  /** A copy with the caller's event id (must be a UUID). */
  public PublishRequest withEventId(String eventId) {
    return new PublishRequest(entity, operation, occurredAt, eventId, attributes);
  }

  /** A copy with these extra attributes (replacing earlier ones). */
  public PublishRequest withAttributes(Map<String, String> attributes) {
    return new PublishRequest(entity, operation, occurredAt, eventId, attributes);
  }
}
