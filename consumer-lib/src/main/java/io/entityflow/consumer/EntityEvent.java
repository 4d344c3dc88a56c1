package io.entityflow.consumer;

import com.google.protobuf.Message;
import io.entityflow.contract.Operation;
import java.time.Instant;
import java.util.Objects;

/**
 * One decoded entity event as a handler receives it: the typed entity and its metadata.
 *
 * <pre>{@code
 * public void handle(EntityEvent<Sale> event) {
 *   Sale sale = event.entity();
 *   if (event.operation() == Operation.CREATED && !event.replayed()) { ... }
 * }
 * }</pre>
 *
 * @param entity the decoded entity (the full state after the change)
 * @param metadata the event's attributes, decoded
 * @param <T> the entity class
 */
public record EntityEvent<T extends Message>(T entity, EventMetadata metadata) {
  public EntityEvent {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(metadata, "metadata");
  }

  /** Shortcut for {@code metadata().eventId()}. */
  public String eventId() {
    return metadata.eventId();
  }

  /** Shortcut for {@code metadata().operation()}. */
  public Operation operation() {
    return metadata.operation();
  }

  /** Shortcut for {@code metadata().occurredAt()}. */
  public Instant occurredAt() {
    return metadata.occurredAt();
  }

  /** Shortcut for {@code metadata().replayed()}. */
  public boolean replayed() {
    return metadata.replayed();
  }
}
