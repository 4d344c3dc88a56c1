package io.entityflow.publisher.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.contract.EventAttributes;
import io.entityflow.contract.Operation;
import io.entityflow.publisher.privacy.PayloadEncryption;
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

  /**
   * The message of one event with its payload made by {@code payloads}: for an entity with PII the
   * encrypted form and the {@code pii_encryption} attribute; the inputs were validated before.
   *
   * @throws io.entityflow.publisher.InvalidEventException when the entity has PII and privacy is
   *     off
   */
  public static PubsubMessage encode(
      PayloadEncryption payloads,
      Message entityMessage,
      EntityRoute route,
      Operation operation,
      String eventId,
      Instant occurredAt,
      String producer,
      Map<String, String> extraAttributes,
      String orderingKey) {
    return encode(
        payloads.payload(route.entity(), entityMessage),
        payloads.encrypts(route.entity()),
        route,
        operation,
        eventId,
        occurredAt,
        producer,
        extraAttributes,
        orderingKey);
  }

  /**
   * The message of one event with the entity serialized as it is (PII in clear: only for the
   * recording publisher of tests); the inputs were validated before.
   */
  public static PubsubMessage encode(
      Message entityMessage,
      EntityRoute route,
      Operation operation,
      String eventId,
      Instant occurredAt,
      String producer,
      Map<String, String> extraAttributes,
      String orderingKey) {
    return encode(
        entityMessage.toByteString(),
        false,
        route,
        operation,
        eventId,
        occurredAt,
        producer,
        extraAttributes,
        orderingKey);
  }

  private static PubsubMessage encode(
      ByteString payload,
      boolean encrypted,
      EntityRoute route,
      Operation operation,
      String eventId,
      Instant occurredAt,
      String producer,
      Map<String, String> extraAttributes,
      String orderingKey) {
    PubsubMessage.Builder message =
        PubsubMessage.newBuilder()
            .setData(payload)
            .putAllAttributes(extraAttributes)
            .putAttributes(EventAttributes.EVENT_ID, eventId)
            .putAttributes(EventAttributes.OPERATION, operation.name())
            .putAttributes(EventAttributes.OCCURRED_AT, EventTimestamps.format(occurredAt))
            .putAttributes(EventAttributes.PRODUCER, producer)
            .putAttributes(EventAttributes.SCHEMA, route.schema())
            .putAttributes(EventAttributes.SCHEMA_VERSION, route.schemaVersion());
    if (encrypted) {
      message.putAttributes(
          EventAttributes.PII_ENCRYPTION, EventAttributes.PII_ENCRYPTION_TINK_AEAD_V1);
    }
    if (orderingKey != null) {
      message.setOrderingKey(orderingKey);
    }
    return message.build();
  }
}
