package io.entityflow.consumer.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.consumer.EntityEvent;
import io.entityflow.consumer.EventMetadata;
import io.entityflow.consumer.PiiState;
import io.entityflow.contract.EventAttributes;
import io.entityflow.contract.Operation;
import io.entityflow.contract.registry.EntityDefinition;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Decodes a Pub/Sub message into a typed {@link EntityEvent}: every required contract attribute
 * present and valid, the {@code schema} attribute the handler's entity, the major version of {@code
 * schema_version} the entity's, the payload parsed by the generated parser and carrying an id; for
 * an entity with PII the {@code pii_encryption} attribute present and the PII fields decrypted (or
 * cleared, see {@link PiiReader}). Anything else is an {@link UndecodableEventException} with a
 * reason naming the attribute and value.
 *
 * <pre>{@code
 * EntityEvent<Sale> event = EventDecoder.decode(binding, message, "sale_v1_loyalty_accrual");
 * }</pre>
 */
public final class EventDecoder {
  private EventDecoder() {}

  /** The event of {@code message}, attempt 1, without subject keys (PII fields cleared). */
  public static <T extends Message> EntityEvent<T> decode(
      HandlerBinding<T> binding, PubsubMessage message, String subscription)
      throws UndecodableEventException {
    return decode(binding, message, subscription, PiiReader.WITHOUT_KEYS);
  }

  /**
   * The event of {@code message}, attempt 1, its PII fields decrypted by {@code pii} (an event of
   * an entity with PII without the {@code pii_encryption} attribute is undecodable).
   */
  public static <T extends Message> EntityEvent<T> decode(
      HandlerBinding<T> binding, PubsubMessage message, String subscription, PiiReader pii)
      throws UndecodableEventException {
    Map<String, String> attributes = message.getAttributesMap();
    for (String required : EventAttributes.REQUIRED) {
      if (attributes.get(required) == null || attributes.get(required).isEmpty()) {
        throw new UndecodableEventException(
            "attribute '"
                + required
                + "' is missing; every entity event carries "
                + EventAttributes.REQUIRED,
            null);
      }
    }
    EntityDefinition entity = binding.entity();
    String schema = attributes.get(EventAttributes.SCHEMA);
    if (!schema.equals(entity.fullName())) {
      throw new UndecodableEventException(
          "attribute 'schema' is '"
              + schema
              + "'; consumer '"
              + binding.name()
              + "' reads "
              + entity.fullName()
              + " only",
          null);
    }
    String version = attributes.get(EventAttributes.SCHEMA_VERSION);
    if (!version.equals(Integer.toString(entity.majorVersion()))
        && !version.startsWith(entity.majorVersion() + ".")) {
      throw new UndecodableEventException(
          "attribute 'schema_version' is '"
              + version
              + "'; allowed: major version "
              + entity.majorVersion()
              + " ("
              + entity.schemaVersion()
              + " or another revision of it)",
          null);
    }
    Operation operation;
    try {
      operation = Operation.parse(attributes.get(EventAttributes.OPERATION));
    } catch (IllegalArgumentException e) {
      throw new UndecodableEventException(e.getMessage(), e);
    }
    Instant occurredAt = instant(attributes, EventAttributes.OCCURRED_AT);
    Instant replayedAt =
        attributes.containsKey(EventAttributes.REPLAYED_AT)
            ? instant(attributes, EventAttributes.REPLAYED_AT)
            : null;
    T payload;
    PiiState piiState;
    try {
      PiiReader.Read<T> read = pii.read(binding, attributes, message.getData());
      payload = read.payload();
      piiState = read.state();
    } catch (InvalidProtocolBufferException e) {
      throw new UndecodableEventException(
          "payload of "
              + message.getData().size()
              + " bytes does not decode as "
              + entity.fullName()
              + ": "
              + e.getMessage(),
          e);
    }
    if (!entity.hasId(payload)) {
      throw new UndecodableEventException(
          "payload decodes as "
              + entity.fullName()
              + " but its id field '"
              + entity.idField().getName()
              + "' is not set",
          null);
    }
    EventMetadata metadata =
        new EventMetadata(
            attributes.get(EventAttributes.EVENT_ID),
            operation,
            occurredAt,
            attributes.get(EventAttributes.PRODUCER),
            schema,
            version,
            replayedAt,
            message.getMessageId(),
            message.getOrderingKey(),
            subscription,
            1,
            attributes,
            piiState);
    return new EntityEvent<>(payload, metadata);
  }

  private static Instant instant(Map<String, String> attributes, String name)
      throws UndecodableEventException {
    String value = attributes.get(name);
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new UndecodableEventException(
          "attribute '"
              + name
              + "' is '"
              + value
              + "'; allowed: an RFC 3339 time in UTC, e.g. 2026-11-23T10:15:30.123Z",
          e);
    }
  }
}
