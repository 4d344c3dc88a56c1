package io.entityflow.consumer.testing;

import com.google.protobuf.Message;
import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.contract.EventAttributes;
import io.entityflow.contract.Operation;
import io.entityflow.contract.registry.EntityDefinition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An entity event to feed to a handler in a test, built into exactly the Pub/Sub message the
 * publisher library sends (payload = entity bytes, the contract attributes, the ordering key).
 *
 * <pre>{@code
 * TestEvent<Sale> event = TestEvent.of(sale, Operation.CREATED)
 *     .withEventId("0d1f6f0e-7a43-4c1f-9a1e-3f0b2b7f9d11")
 *     .withReplayedAt(Instant.parse("2026-12-01T00:00:00Z"));
 * kit.deliver(event);
 * }</pre>
 *
 * <p>Defaults: a random UUID event id, occurred now (milliseconds), producer {@code test}, not
 * replayed, no extra attributes. Immutable.
 */
public final class TestEvent<T extends Message> {
  private final T entity;
  private final Operation operation;
  private final String eventId;
  private final Instant occurredAt;
  private final String producer;
  private final Instant replayedAt;
  private final Map<String, String> attributes;

  private TestEvent(
      T entity,
      Operation operation,
      String eventId,
      Instant occurredAt,
      String producer,
      Instant replayedAt,
      Map<String, String> attributes) {
    this.entity = Objects.requireNonNull(entity, "entity");
    this.operation = Objects.requireNonNull(operation, "operation");
    this.eventId = eventId;
    this.occurredAt = occurredAt;
    this.producer = producer;
    this.replayedAt = replayedAt;
    this.attributes = Map.copyOf(attributes);
  }

  /** An event of {@code entity} with the defaults. */
  public static <T extends Message> TestEvent<T> of(T entity, Operation operation) {
    return new TestEvent<>(
        entity,
        operation,
        UUID.randomUUID().toString(),
        Instant.now().truncatedTo(ChronoUnit.MILLIS),
        "test",
        null,
        Map.of());
  }

  /** The same with this event id. */
  public TestEvent<T> withEventId(String value) {
    return new TestEvent<>(entity, operation, value, occurredAt, producer, replayedAt, attributes);
  }

  /** The same with this occurred-at time. */
  public TestEvent<T> withOccurredAt(Instant value) {
    return new TestEvent<>(entity, operation, eventId, value, producer, replayedAt, attributes);
  }

  /** The same with this producer. */
  public TestEvent<T> withProducer(String value) {
    return new TestEvent<>(entity, operation, eventId, occurredAt, value, replayedAt, attributes);
  }

  /** The same, marked as re-published by a replay at {@code value}. */
  public TestEvent<T> withReplayedAt(Instant value) {
    return new TestEvent<>(entity, operation, eventId, occurredAt, producer, value, attributes);
  }

  /** The same with one extra attribute. */
  public TestEvent<T> withAttribute(String name, String value) {
    Map<String, String> extra = new LinkedHashMap<>(attributes);
    extra.put(name, value);
    return new TestEvent<>(entity, operation, eventId, occurredAt, producer, replayedAt, extra);
  }

  /** The entity. */
  public T entity() {
    return entity;
  }

  /** The event id. */
  public String eventId() {
    return eventId;
  }

  /** The Pub/Sub message of this event for {@code definition} (the entity's contract). */
  public PubsubMessage toMessage(EntityDefinition definition) {
    PubsubMessage.Builder message =
        PubsubMessage.newBuilder()
            .setData(entity.toByteString())
            .putAllAttributes(attributes)
            .putAttributes(EventAttributes.EVENT_ID, eventId)
            .putAttributes(EventAttributes.OPERATION, operation.name())
            .putAttributes(EventAttributes.OCCURRED_AT, occurredAt.toString())
            .putAttributes(EventAttributes.PRODUCER, producer)
            .putAttributes(EventAttributes.SCHEMA, definition.fullName())
            .putAttributes(EventAttributes.SCHEMA_VERSION, definition.schemaVersion())
            .setOrderingKey(definition.orderingKeyOf(entity));
    if (replayedAt != null) {
      message.putAttributes(EventAttributes.REPLAYED_AT, replayedAt.toString());
    }
    return message.build();
  }
}
