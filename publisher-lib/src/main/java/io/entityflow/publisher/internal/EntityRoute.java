package io.entityflow.publisher.internal;

import io.entityflow.contract.OrderingKey;
import io.entityflow.contract.registry.EntityDefinition;

/**
 * What the publisher derives once per entity rather than per event: the topic name and the values
 * of the {@code schema} and {@code schema_version} attributes.
 *
 * <pre>{@code
 * EntityRoute route = EntityRoute.of(registry.require(Sale.getDescriptor()));
 * route.topic();               // "sale_v1"
 * route.orderingKey("s-1001"); // the contract's bucket of the id
 * }</pre>
 *
 * @param entity the entity
 * @param topic its topic name
 * @param schema its full message name
 * @param schemaVersion its {@code <major>.<revision>}
 */
public record EntityRoute(
    EntityDefinition entity, String topic, String schema, String schemaVersion) {

  /** The route of {@code entity}. */
  public static EntityRoute of(EntityDefinition entity) {
    return new EntityRoute(entity, entity.topicName(), entity.fullName(), entity.schemaVersion());
  }

  /** The ordering key of an event whose entity id is {@code id} (see {@link OrderingKey}). */
  public String orderingKey(String id) {
    return OrderingKey.bucketed(id, entity.orderingKeyBuckets());
  }
}
