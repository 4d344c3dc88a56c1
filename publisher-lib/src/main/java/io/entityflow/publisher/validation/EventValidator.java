package io.entityflow.publisher.validation;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import io.entityflow.contract.layout.SystemEntities;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.publisher.InvalidEventException;
import io.entityflow.publisher.PublishRequest;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Checks a {@link PublishRequest} against the contract and Pub/Sub's limits and returns the
 * entity's definition. Immutable and thread-safe.
 *
 * <pre>{@code
 * EventValidator validator = new EventValidator(EntityRegistry.load());
 * ValidatedEvent valid = validator.validate(PublishRequest.of(sale, Operation.CREATED));
 * }</pre>
 *
 * <p>Rules, in this order: an entity is given; its type is an entity of the contract; the operation
 * is given; the message is initialized (no required field missing); its id is set; the event id,
 * when given, is a UUID; the extra attributes follow {@link AttributeRules}; the payload fits a
 * Pub/Sub message ({@value #MAX_PAYLOAD_BYTES} bytes).
 */
public final class EventValidator {
  /** Pub/Sub's message limit is 10 MB; keep room for the attributes. */
  public static final int MAX_PAYLOAD_BYTES = 9_000_000;

  private final EntityRegistry registry;
  private final Map<Descriptor, EntityDefinition> byDescriptor = new IdentityHashMap<>();

  /** A validator for the entities of {@code registry}. */
  public EventValidator(EntityRegistry registry) {
    this.registry = registry;
    for (EntityDefinition entity : registry.entities()) {
      byDescriptor.put(entity.descriptor(), entity);
    }
    // the system entities the contract needs (SubjectKey when an entity has PII)
    for (EntityDefinition entity : SystemEntities.neededBy(registry.entities())) {
      byDescriptor.put(entity.descriptor(), entity);
    }
  }

  /**
   * Validates the request.
   *
   * @return the definition of the request's entity and the id of its message
   * @throws InvalidEventException naming entity, field and rule
   */
  public ValidatedEvent validate(PublishRequest request) {
    Message message = request.entity();
    if (message == null) {
      throw new InvalidEventException("(none)", "entity", "an entity message is required");
    }
    Descriptor type = message.getDescriptorForType();
    EntityDefinition known = byDescriptor.get(type);
    String typeName = type.getFullName();
    EntityDefinition entity =
        known != null
            ? known
            : registry
                .find(typeName)
                .orElseThrow(
                    () ->
                        new InvalidEventException(
                            typeName,
                            "message type",
                            "is not an entity of the contract; entities: "
                                + String.join(
                                    ", ",
                                    registry.entities().stream()
                                        .map(EntityDefinition::fullName)
                                        .toList())));
    String name = entity.name();
    if (request.operation() == null) {
      throw new InvalidEventException(
          name, "operation", "an operation is required (CREATED, UPDATED, DELETED, SNAPSHOT)");
    }
    if (!message.isInitialized()) {
      throw new InvalidEventException(
          name,
          String.join(", ", message.findInitializationErrors()),
          "required field is not set (message is not initialized)");
    }
    String id;
    try {
      id = entity.idOf(message); // throws when the id is empty or 0
    } catch (IllegalArgumentException e) {
      throw new InvalidEventException(
          name,
          entity.idField().getName(),
          "the id must be set: a non-empty string or a number other than 0");
    }
    if (request.eventId() != null) {
      checkEventId(name, request.eventId());
    }
    AttributeRules.check(name, request.attributes());
    int size = message.getSerializedSize();
    if (size > MAX_PAYLOAD_BYTES) {
      throw new InvalidEventException(
          name,
          "payload",
          "the serialized message has " + size + " bytes; at most " + MAX_PAYLOAD_BYTES + " fit");
    }
    return new ValidatedEvent(entity, id);
  }

  private static void checkEventId(String entity, String eventId) {
    try {
      UUID parsed = UUID.fromString(eventId);
      if (parsed.toString().equalsIgnoreCase(eventId)) {
        return;
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below, which names the value
    }
    throw new InvalidEventException(
        entity,
        "event_id",
        "'"
            + eventId
            + "' is not a UUID; expected 36 characters like 0d1f6f0e-7a43-4c1f-9a1e-3f0b2b7f9d11");
  }
}
