package io.entityflow.outbox.store;

/**
 * A topic and an ordering key: the unit the relay publishes in order and locks exclusively.
 *
 * <pre>{@code
 * OutboxKey key = new OutboxKey("sale_v1", "17", 4711);
 * }</pre>
 *
 * @param topic the short topic name
 * @param orderingKey the ordering key
 * @param firstId the id of the key's oldest waiting row when it was claimed (0 when unknown)
 */
public record OutboxKey(String topic, String orderingKey, long firstId) {

  /** The key without a first row id (compared by topic and ordering key only in the relay). */
  public static OutboxKey of(String topic, String orderingKey) {
    return new OutboxKey(topic, orderingKey, 0);
  }
}
