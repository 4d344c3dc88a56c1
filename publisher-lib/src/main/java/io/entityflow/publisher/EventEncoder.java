package io.entityflow.publisher;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.contract.EventAttributes;
import io.entityflow.contract.Operation;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.publisher.config.PublisherConfiguration;
import io.entityflow.publisher.internal.EntityRoute;
import io.entityflow.publisher.internal.EventMessages;
import io.entityflow.publisher.internal.PayloadParsers;
import io.entityflow.publisher.internal.PiiAttribute;
import io.entityflow.publisher.internal.StoredEventFormat;
import io.entityflow.publisher.privacy.PayloadEncryption;
import io.entityflow.publisher.validation.EventValidator;
import io.entityflow.publisher.validation.ValidatedEvent;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns entity changes into {@link EncodedEvent}s with exactly the validation and encoding of
 * {@link DefaultEntityPublisher} (same rules, same {@link InvalidEventException} messages, same
 * attributes and payload bytes, same producer), and restores an {@link EncodedEvent} from stored
 * columns, checking it again against the contract. A transactional outbox encodes inside the
 * caller's transaction (an invalid event fails there) and restores when it relays.
 *
 * <pre>{@code
 * EncodedEvent event = encoder.encode(PublishRequest.of(sale, Operation.CREATED));
 * EncodedEvent same = encoder.restore(event.eventId(), event.topic(), event.orderingKey(),
 *     event.attributes(), event.payload().toByteArray()); // equal to event
 * }</pre>
 *
 * <p>An event of an entity with PII is encoded in the entity's encrypted form (every PII field a
 * Tink ciphertext of the subject's key) with the attribute {@code pii_encryption = tink-aead-v1},
 * by the {@link PayloadEncryption} bean; with {@code entityflow.privacy.enabled=false} it is
 * refused. {@code restore} and {@code restoreRecorded} read such events back without keys (the
 * entity is then the encrypted form, a {@link com.google.protobuf.DynamicMessage}).
 *
 * <p>Thread-safe. The producer is {@code entityflow.publisher.producer}, else {@code
 * micronaut.application.name}; with {@code entityflow.publisher.recording=true} and neither set it
 * is {@code recording}. Replace the bean with {@code @Replaces(EventEncoder.class)}.
 */
@Singleton
public class EventEncoder {
  private final EntityRegistry registry;
  private final EventValidator validator;
  private final String producer;
  private final PayloadEncryption payloads;
  private final Map<EntityDefinition, EntityRoute> routes = new ConcurrentHashMap<>();

  /**
   * Creates the encoder.
   *
   * @param applicationName {@code micronaut.application.name}, the default producer
   * @throws IllegalStateException when no producer is configured
   */
  public EventEncoder(
      PublisherConfiguration configuration,
      EntityRegistry registry,
      @Value("${micronaut.application.name:}") String applicationName,
      @Value("${" + PublisherConfiguration.PREFIX + ".recording:false}") boolean recording,
      PayloadEncryption payloads) {
    this(registry, producer(configuration.getProducer(), applicationName, recording), payloads);
  }

  /**
   * An encoder for the entities of {@code registry} with this {@code producer} attribute that
   * refuses events of entities with PII ({@link PayloadEncryption#refusingPii()}).
   */
  public EventEncoder(EntityRegistry registry, String producer) {
    this(registry, producer, PayloadEncryption.refusingPii());
  }

  /**
   * An encoder for the entities of {@code registry} with this {@code producer} attribute whose
   * payloads {@code payloads} makes (encrypting the PII fields).
   */
  public EventEncoder(EntityRegistry registry, String producer, PayloadEncryption payloads) {
    this.registry = registry;
    this.validator = new EventValidator(registry);
    this.producer = producer;
    this.payloads = payloads;
  }

  private static String producer(String configured, String applicationName, boolean recording) {
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    if (applicationName != null && !applicationName.isBlank()) {
      return applicationName;
    }
    if (recording) {
      return "recording";
    }
    throw new IllegalStateException(
        PublisherConfiguration.PREFIX
            + ".producer is not set and micronaut.application.name is empty; set one of them:"
            + " it becomes the 'producer' attribute of every event");
  }

  /** The {@code producer} attribute of the events this encoder makes. */
  public String producer() {
    return producer;
  }

  /**
   * Validates and encodes one event; a missing event id or occurred-at time is chosen now.
   *
   * @throws InvalidEventException naming entity, field and rule
   */
  public EncodedEvent encode(PublishRequest request) {
    return encode(validator.validate(request), request);
  }

  /**
   * Validates every request first, then encodes them in order.
   *
   * @throws InvalidEventException naming the first invalid event; nothing was encoded
   */
  public List<EncodedEvent> encodeAll(List<PublishRequest> requests) {
    List<ValidatedEvent> valid = new ArrayList<>(requests.size());
    for (PublishRequest request : requests) {
      valid.add(validator.validate(request));
    }
    List<EncodedEvent> events = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      events.add(encode(valid.get(i), requests.get(i)));
    }
    return events;
  }

  private EncodedEvent encode(ValidatedEvent valid, PublishRequest request) {
    EntityRoute route = routes.computeIfAbsent(valid.entity(), EntityRoute::of);
    String eventId = request.eventId() != null ? request.eventId() : UUID.randomUUID().toString();
    Instant occurredAt = request.occurredAt() != null ? request.occurredAt() : Instant.now();
    PubsubMessage message =
        EventMessages.encode(
            payloads,
            request.entity(),
            route,
            request.operation(),
            eventId,
            occurredAt,
            producer,
            request.attributes(),
            route.orderingKey(valid.id()));
    return new EncodedEvent(
        message, route.topic(), occurredAt, request.operation(), request.entity());
  }

  /**
   * Restores a stored event and checks it against the contract as it is now: the {@code schema}
   * attribute names an entity of the contract whose topic is {@code topic}; the six contract
   * attributes are present, {@code event_id} equals {@code eventId}, {@code operation} and {@code
   * occurred_at} parse; the payload parses as that entity and passes the publisher's validation
   * (with the other attributes as extra attributes); the ordering key is the contract's bucket of
   * the payload's id. The stored producer and schema version are kept as they are.
   *
   * @throws InvalidEventException naming the entity (or schema), the field and the rule, never the
   *     payload
   */
  public EncodedEvent restore(
      String eventId,
      String topic,
      String orderingKey,
      Map<String, String> attributes,
      byte[] payload) {
    EntityRoute route = route(topic, attributes);
    EntityDefinition entity = route.entity();
    String name = entity.name();
    sameEventId(name, eventId, attributes);
    Operation operation = operation(name, attributes.get(EventAttributes.OPERATION));
    Instant occurredAt = occurredAt(name, attributes.get(EventAttributes.OCCURRED_AT));
    boolean encrypted = PiiAttribute.encrypted(entity, attributes);
    Message message;
    try {
      message = PayloadParsers.parse(entity, encrypted, payload);
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidEventException(
          name, "payload", "does not parse as " + entity.fullName() + ": " + e.getMessage());
    }
    Map<String, String> extra = new HashMap<>(attributes);
    EventAttributes.REQUIRED.forEach(extra::remove);
    extra.remove(EventAttributes.PII_ENCRYPTION);
    ValidatedEvent valid =
        validator.validate(new PublishRequest(message, operation, occurredAt, eventId, extra));
    String expectedKey = route.orderingKey(valid.id());
    if (!expectedKey.equals(orderingKey)) {
      throw new InvalidEventException(
          name,
          "ordering key",
          "stored '" + orderingKey + "' is not the contract's key '" + expectedKey + "' of its id");
    }
    PubsubMessage encoded =
        PubsubMessage.newBuilder()
            .setData(ByteString.copyFrom(payload))
            .putAllAttributes(attributes)
            .setOrderingKey(orderingKey)
            .build();
    return new EncodedEvent(encoded, topic, occurredAt, operation, message);
  }

  /**
   * Restores an event that {@link #encode} validated and encoded before it was stored (e.g. by a
   * transactional outbox in the caller's transaction), checking only what can change or break while
   * it waits, without parsing the payload: the {@code schema} attribute names an entity of the
   * contract as it is now whose topic is {@code topic}; the six contract attributes are present,
   * {@code event_id} equals {@code eventId} and is a UUID, {@code operation} is one of the
   * contract's; the ordering key is one of the entity's buckets ({@code 0} .. buckets - 1). The
   * payload and the attributes are published as stored; {@link EncodedEvent#entity()} and {@link
   * EncodedEvent#occurredAt()} parse them when asked. Use {@link #restore} for events of unknown
   * origin.
   *
   * @throws InvalidEventException naming the entity (or schema), the field and the rule, with the
   *     messages of {@link #restore}
   */
  public EncodedEvent restoreRecorded(
      String eventId,
      String topic,
      String orderingKey,
      Map<String, String> attributes,
      byte[] payload) {
    EntityRoute route = route(topic, attributes);
    String name = route.entity().name();
    if (!StoredEventFormat.isUuid(eventId)) {
      throw new InvalidEventException(
          name,
          "event id",
          "stored '" + eventId + "' is not a UUID like " + StoredEventFormat.UUID_EXAMPLE);
    }
    sameEventId(name, eventId, attributes);
    Operation operation = operation(name, attributes.get(EventAttributes.OPERATION));
    boolean encrypted = PiiAttribute.encrypted(route.entity(), attributes);
    int buckets = route.entity().orderingKeyBuckets();
    if (!StoredEventFormat.isBucket(orderingKey, buckets)) {
      throw new InvalidEventException(
          name,
          "ordering key",
          "stored '"
              + orderingKey
              + "' is not a bucket of the contract (0.."
              + (buckets - 1)
              + ")");
    }
    PubsubMessage encoded =
        PubsubMessage.newBuilder()
            .setData(ByteString.copyFrom(payload))
            .putAllAttributes(attributes)
            .setOrderingKey(orderingKey)
            .build();
    return new EncodedEvent(encoded, topic, operation, route.entity(), encrypted);
  }

  /** The route of the stored event's entity, after the schema, topic and attribute checks. */
  private EntityRoute route(String topic, Map<String, String> attributes) {
    String schema = attributes.get(EventAttributes.SCHEMA);
    if (schema == null || schema.isEmpty()) {
      throw new InvalidEventException(
          "(unknown)", "attribute 'schema'", "the stored event has no schema attribute");
    }
    EntityDefinition entity =
        registry
            .find(schema)
            .orElseThrow(
                () ->
                    new InvalidEventException(
                        schema,
                        "message type",
                        "is not an entity of the contract; entities: "
                            + String.join(
                                ", ",
                                registry.entities().stream()
                                    .map(EntityDefinition::fullName)
                                    .toList())));
    EntityRoute route = routes.computeIfAbsent(entity, EntityRoute::of);
    String name = entity.name();
    if (!route.topic().equals(topic)) {
      throw new InvalidEventException(
          name, "topic", "stored topic '" + topic + "' is not the entity's topic " + route.topic());
    }
    for (String required : EventAttributes.REQUIRED) {
      String value = attributes.get(required);
      if (value == null || value.isEmpty()) {
        throw new InvalidEventException(
            name, "attribute '" + required + "'", "a contract attribute is missing");
      }
    }
    return route;
  }

  private static void sameEventId(String name, String eventId, Map<String, String> attributes) {
    if (!attributes.get(EventAttributes.EVENT_ID).equals(eventId)) {
      throw new InvalidEventException(
          name,
          "attribute 'event_id'",
          "'" + attributes.get(EventAttributes.EVENT_ID) + "' differs from the stored " + eventId);
    }
  }

  private static Operation operation(String entity, String value) {
    try {
      return Operation.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidEventException(
          entity,
          "attribute 'operation'",
          "'" + value + "' is not one of CREATED, UPDATED, DELETED, SNAPSHOT");
    }
  }

  private static Instant occurredAt(String entity, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidEventException(
          entity,
          "attribute 'occurred_at'",
          "'" + value + "' is not an RFC 3339 UTC time like 2026-11-23T10:15:30.123Z");
    }
  }
}
