package io.entityflow.publisher;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.contract.Operation;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A validated event already encoded as the contract's Pub/Sub message: event id, topic, ordering
 * key, every attribute and the payload bytes. Made only by {@link EventEncoder} ({@code encode}
 * from an entity, or {@code restore} from stored columns, both validating exactly like {@link
 * DefaultEntityPublisher}), so holding one means the event is valid. Published unchanged by {@link
 * EntityPublisher#publishEncoded(EncodedEvent)}: the same bytes, attributes and event id, however
 * often it is published (a transactional outbox stores it and publishes it later).
 *
 * <pre>{@code
 * EncodedEvent event = encoder.encode(PublishRequest.of(sale, Operation.CREATED));
 * store(event.eventId(), event.topic(), event.orderingKey(), event.attributes(), event.payload());
 * // later, maybe in another process:
 * EncodedEvent again = encoder.restore(eventId, topic, orderingKey, attributes, payload);
 * publisher.publishEncoded(again).join();
 * }</pre>
 *
 * <p>Immutable. Equal when the wire content (event id, topic, ordering key, attributes, payload) is
 * equal. The ordering key is always the contract's bucket of the entity id; it is sent only when
 * the publisher has message ordering on.
 */
public final class EncodedEvent {
  private final String eventId;
  private final String topic;
  private final String orderingKey;
  private final Map<String, String> attributes;
  private final ByteString payload;
  private final Instant occurredAt;
  private final Operation operation;
  private final Message entity;

  EncodedEvent(PubsubMessage message, String topic, Instant occurredAt, Operation op, Message e) {
    this.eventId = message.getAttributesOrThrow(io.entityflow.contract.EventAttributes.EVENT_ID);
    this.topic = topic;
    this.orderingKey = message.getOrderingKey();
    this.attributes = Map.copyOf(message.getAttributesMap());
    this.payload = message.getData();
    this.occurredAt = occurredAt;
    this.operation = op;
    this.entity = e;
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
    return orderingKey;
  }

  /** Every Pub/Sub attribute: the contract's six and the extra ones. */
  public Map<String, String> attributes() {
    return attributes;
  }

  /** The serialized entity message. */
  public ByteString payload() {
    return payload;
  }

  /** The {@code occurred_at} attribute as an instant. */
  public Instant occurredAt() {
    return occurredAt;
  }

  /** The {@code operation} attribute. */
  public Operation operation() {
    return operation;
  }

  /**
   * The entity: the caller's message after {@code encode}; after {@code restore} the payload parsed
   * as the generated class when it is on the class path, else as a {@link
   * com.google.protobuf.DynamicMessage}.
   */
  public Message entity() {
    return entity;
  }

  /** The Pub/Sub message, with the ordering key when {@code ordering} is on. */
  public PubsubMessage toMessage(boolean ordering) {
    PubsubMessage.Builder message =
        PubsubMessage.newBuilder().setData(payload).putAllAttributes(attributes);
    if (ordering) {
      message.setOrderingKey(orderingKey);
    }
    return message.build();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EncodedEvent that
        && eventId.equals(that.eventId)
        && topic.equals(that.topic)
        && orderingKey.equals(that.orderingKey)
        && attributes.equals(that.attributes)
        && payload.equals(that.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(eventId, topic, orderingKey, attributes, payload);
  }

  /** Names the event without its payload. */
  @Override
  public String toString() {
    return "event " + eventId + " (" + operation + ") to " + topic + " key " + orderingKey;
  }
}
