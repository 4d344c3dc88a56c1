package io.entityflow.consumer;

import io.entityflow.contract.Operation;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an entity event carries besides the entity: the contract attributes, decoded.
 *
 * <pre>{@code
 * EventMetadata m = event.metadata();
 * m.eventId();        // "0d1f6f0e-7a43-4c1f-9a1e-3f0b2b7f9d11"
 * m.operation();      // Operation.CREATED
 * m.occurredAt();     // 2026-11-23T10:15:30.123Z
 * m.replayed();       // true when a history replay re-published it (replayedAt() is then set)
 * m.piiForgotten();   // true when the subject was forgotten: the PII fields are cleared
 * }</pre>
 *
 * @param eventId the producer's event id (the dedup key)
 * @param operation the kind of change
 * @param occurredAt when the change happened in the producing service
 * @param producer the producing service
 * @param schema the full Protobuf name of the payload, e.g. {@code acme.retail.sale.v1.Sale}
 * @param schemaVersion {@code <major>.<revision>}, e.g. {@code 1.0}
 * @param replayedAt when a replay re-published the event, {@code null} for a live event
 * @param messageId the Pub/Sub message id
 * @param orderingKey the Pub/Sub ordering key, empty when none
 * @param subscription the subscription the event was read from (the live or the replay one)
 * @param attempt the in-process attempt of this delivery, 1 for the first call of the handler
 * @param attributes every Pub/Sub attribute of the message, the contract's included
 * @param piiState whether the PII fields were decrypted, or cleared (subject forgotten, or no keys)
 */
public record EventMetadata(
    String eventId,
    Operation operation,
    Instant occurredAt,
    String producer,
    String schema,
    String schemaVersion,
    Instant replayedAt,
    String messageId,
    String orderingKey,
    String subscription,
    int attempt,
    Map<String, String> attributes,
    PiiState piiState) {

  public EventMetadata {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(piiState, "piiState");
    attributes = Map.copyOf(attributes);
  }

  /** The metadata of an event of an entity without PII ({@link PiiState#NONE}). */
  public EventMetadata(
      String eventId,
      Operation operation,
      Instant occurredAt,
      String producer,
      String schema,
      String schemaVersion,
      Instant replayedAt,
      String messageId,
      String orderingKey,
      String subscription,
      int attempt,
      Map<String, String> attributes) {
    this(
        eventId,
        operation,
        occurredAt,
        producer,
        schema,
        schemaVersion,
        replayedAt,
        messageId,
        orderingKey,
        subscription,
        attempt,
        attributes,
        PiiState.NONE);
  }

  /**
   * Whether the PII fields travelled encrypted (the {@code pii_encryption} attribute): true for
   * every event of an entity with PII.
   */
  public boolean piiEncrypted() {
    return piiState != PiiState.NONE;
  }

  /**
   * Whether the event's data subject was forgotten: the PII fields could not be decrypted and are
   * cleared in the entity (unset, or empty).
   */
  public boolean piiForgotten() {
    return piiState == PiiState.FORGOTTEN;
  }

  /** Whether the PII fields are cleared in the entity: subject forgotten, or no keys here. */
  public boolean piiCleared() {
    return piiState == PiiState.FORGOTTEN || piiState == PiiState.NOT_DECRYPTED;
  }

  /** Whether a history replay re-published this event (the {@code replayed_at} attribute). */
  public boolean replayed() {
    return replayedAt != null;
  }

  /** The same metadata for another attempt. */
  public EventMetadata withAttempt(int attempt) {
    return new EventMetadata(
        eventId,
        operation,
        occurredAt,
        producer,
        schema,
        schemaVersion,
        replayedAt,
        messageId,
        orderingKey,
        subscription,
        attempt,
        attributes,
        piiState);
  }
}
