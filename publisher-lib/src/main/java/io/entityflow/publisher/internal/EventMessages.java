package io.entityflow.publisher.internal;

import com.google.protobuf.Message;
import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.contract.EventAttributes;
import io.entityflow.contract.Operation;
import java.time.Instant;
import java.util.Map;

/**
 * Encodes an entity event as the contract's Pub/Sub message: the serialized entity as payload, the
 * {@link EventAttributes#REQUIRED} attributes, the extra ones, and the ordering key when one is
 * given (ordering on).
 *
 * <pre>{@code
 * PubsubMessage message = EventMessages.encode(sale, route, Operation.CREATED, eventId,
 *     Instant.now(), "checkout", Map.of(), route.orderingKey("s-1001"));
 * }</pre>
 */
public final class EventMessages {
  private EventMessages() {}

  /** The message of one event; the inputs were validated before. */
  public static PubsubMessage encode(
      Message entityMessage,
      EntityRoute route,
      Operation operation,
      String eventId,
      Instant occurredAt,
      String producer,
      Map<String, String> extraAttributes,
      String orderingKey) {
    PubsubMessage.Builder message =
        PubsubMessage.newBuilder()
            .setData(entityMessage.toByteString())
            .putAllAttributes(extraAttributes)
            .putAttributes(EventAttributes.EVENT_ID, eventId)
            .putAttributes(EventAttributes.OPERATION, operation.name())
            .putAttributes(EventAttributes.OCCURRED_AT, EventTimestamps.format(occurredAt))
            .putAttributes(EventAttributes.PRODUCER, producer)
            .putAttributes(EventAttributes.SCHEMA, route.schema())
            .putAttributes(EventAttributes.SCHEMA_VERSION, route.schemaVersion());
    if (orderingKey != null) {
      message.setOrderingKey(orderingKey);
    }
    return message.build();
  }
}
