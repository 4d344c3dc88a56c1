package io.entityflow.outbox.store;

import java.util.Map;

/**
 * One stored event as the relay reads it.
 *
 * <pre>{@code
 * for (OutboxRow row : table.rowsOf(connection, keys, 500)) {
 *   encoder.restoreRecorded(
 *       row.eventId(), row.topic(), row.orderingKey(), row.attributes(), row.payload());
 * }
 * }</pre>
 *
 * @param id the row id (insert order)
 * @param eventId the event id
 * @param topic the short topic name
 * @param orderingKey the ordering key
 * @param attributes every Pub/Sub attribute
 * @param payload the serialized entity
 * @param attempts failed publish attempts so far
 * @param backingOff whether the row waits for its next attempt (its key waits with it)
 */
public record OutboxRow(
    long id,
    String eventId,
    String topic,
    String orderingKey,
    Map<String, String> attributes,
    byte[] payload,
    int attempts,
    boolean backingOff) {

  /** The key of this row. */
  public OutboxKey key() {
    return OutboxKey.of(topic, orderingKey);
  }

  /** Names the row without its payload. */
  @Override
  public String toString() {
    return "outbox row " + id + " (event " + eventId + ", " + topic + " key " + orderingKey + ")";
  }
}
