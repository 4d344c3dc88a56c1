package io.entityflow.publisher;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.contract.EventAttributes;
import io.entityflow.contract.Operation;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.publisher.internal.PayloadParsers;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A validated event already encoded as the contract's Pub/Sub message: event id, topic, ordering
 * key, every attribute and the payload bytes. Made only by {@link EventEncoder} ({@code encode}
 * from an entity, or {@code restore} from stored columns, both validating exactly like {@link
 * DefaultEntityPublisher}), so holding one means the event is valid ({@code restoreRecorded}, for
 * events {@code encode} made and stored, checks again only what can change while they wait: see
 * there). Published unchanged by {@link EntityPublisher#publishEncoded(EncodedEvent)}: the same
 * bytes, attributes and event id, however often it is published (a transactional outbox stores it
 * and publishes it later).
 *
 * <pre>{@code
 * EncodedEvent event = encoder.encode(PublishRequest.of(sale, Operation.CREATED));
 * store(event.eventId(), event.topic(), event.orderingKey(), event.attributes(), event.payload());
 * // later, maybe in another process:
 * EncodedEvent again = encoder.restore(eventId, topic, orderingKey, attributes, payload);
 * publisher.publishEncoded(again).join();
 * }</pre>
 *
 * <p>Immutable (the entity and the time of a recorded event are parsed once, on demand). Equal when
 * the wire content (event id, topic, ordering key, attributes, payload) is equal. The ordering key
 * is always the contract's bucket of the entity id; it is sent only when the publisher has message
 * ordering on.
 */
public final class EncodedEvent {
  private final String eventId;
  private final String topic;
  private final PubsubMessage message;
  private final Operation operation;
  private final Descriptor type;
  private final EntityDefinition definition; // null after encode: the entity is known
  private final boolean encrypted;
  private volatile Instant occurredAt;
  private volatile Message entity;

  EncodedEvent(PubsubMessage message, String topic, Instant occurredAt, Operation op, Message e) {
    this(message, topic, op, e.getDescriptorForType(), null, false, occurredAt, e);
  }

  /**
   * A stored event whose {@code occurred_at} attribute and payload were validated when it was
   * encoded: both are parsed only when {@link #occurredAt()} or {@link #entity()} is asked for.
   */
  EncodedEvent(
      PubsubMessage message,
      String topic,
      Operation op,
      EntityDefinition definition,
      boolean encrypted) {
    this(message, topic, op, definition.descriptor(), definition, encrypted, null, null);
  }

  private EncodedEvent(
      PubsubMessage message,
      String topic,
      Operation op,
      Descriptor type,
      EntityDefinition definition,
      boolean encrypted,
      Instant occurredAt,
      Message entity) {
    this.eventId = message.getAttributesOrThrow(EventAttributes.EVENT_ID);
    this.topic = topic;
    this.message = message;
    this.operation = op;
    this.type = type;
    this.definition = definition;
    this.encrypted = encrypted;
    this.occurredAt = occurredAt;
    this.entity = entity;
  }

  /** The {@code event_id} attribute, a UUID. */
  public String eventId() {
    return eventId;
  }

  /** The short topic name, e.g. {@code sale_v1}. */
  public String topic() {
    return topic;
  }

  /** The contract's ordering key (bucket of the entity id), never empty. */
  public String orderingKey() {
    return message.getOrderingKey();
  }

  /** Every Pub/Sub attribute: the contract's six and the extra ones. */
  public Map<String, String> attributes() {
    return message.getAttributesMap();
  }

  /** The serialized entity message. */
  public ByteString payload() {
    return message.getData();
  }

  /**
   * The {@code occurred_at} attribute as an instant (after {@code restoreRecorded}: parsed on the
   * first call, a {@link java.time.format.DateTimeParseException} if it does not parse).
   */
  public Instant occurredAt() {
    Instant parsed = occurredAt;
    if (parsed == null) {
      parsed = Instant.parse(message.getAttributesOrThrow(EventAttributes.OCCURRED_AT));
      occurredAt = parsed;
    }
    return parsed;
  }

  /** The entity's simple message name, e.g. {@code Sale}, without parsing the payload. */
  String entityName() {
    return type.getName();
  }

  /** The {@code operation} attribute. */
  public Operation operation() {
    return operation;
  }

  /**
   * The entity: the caller's message after {@code encode}; after {@code restore} (at once) and
   * {@code restoreRecorded} (on the first call) the payload parsed as the generated class when it
   * is on the class path, else as a {@link com.google.protobuf.DynamicMessage}. An event of an
   * entity with PII restored from storage parses as its encrypted form (a {@code DynamicMessage} of
   * {@link io.entityflow.contract.privacy.EncryptedForm}, PII fields as ciphertext bytes): the
   * encoder holds no keys.
   *
   * @throws IllegalStateException after {@code restoreRecorded} when the payload does not parse
   */
  public Message entity() {
    Message parsed = entity;
    if (parsed == null) {
      try {
        parsed = PayloadParsers.parse(definition, encrypted, message.getData().toByteArray());
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException(
            this + ": payload does not parse as " + type.getFullName() + ": " + e.getMessage(), e);
      }
      entity = parsed;
    }
    return parsed;
  }

  /** The Pub/Sub message, with the ordering key when {@code ordering} is on. */
  public PubsubMessage toMessage(boolean ordering) {
    return ordering || message.getOrderingKey().isEmpty()
        ? message
        : message.toBuilder().clearOrderingKey().build();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EncodedEvent that
        && eventId.equals(that.eventId)
        && topic.equals(that.topic)
        && orderingKey().equals(that.orderingKey())
        && attributes().equals(that.attributes())
        && payload().equals(that.payload());
  }

  @Override
  public int hashCode() {
    return Objects.hash(eventId, topic, orderingKey(), attributes(), payload());
  }

  /** Names the event without its payload. */
  @Override
  public String toString() {
    return "event " + eventId + " (" + operation + ") to " + topic + " key " + orderingKey();
  }
}
