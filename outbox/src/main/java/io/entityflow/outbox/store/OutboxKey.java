package io.entityflow.outbox.store;

/**
 * A topic and an ordering key: the unit the relay publishes in order and locks exclusively.
 *
 * <pre>{@code
 * OutboxKey key = new OutboxKey("sale_v1", "17");
 * }</pre>
 *
 * @param topic the short topic name
 * @param orderingKey the ordering key
 */
public record OutboxKey(String topic, String orderingKey) {}
