/**
 * The entity registry: every entity of a compiled contract, with its topic, table, dataset, id
 * field, sensitivities and schema version, validated once at load. {@code EntityRegistry.load()}
 * merges every contract artifact ({@code entityflow/contract.desc}) on the classpath.
 *
 * <pre>{@code
 * EntityRegistry registry = EntityRegistry.load();
 * EntityDefinition sale = registry.require(Sale.getDescriptor());
 * sale.topicName(); // "sale_v1"
 * }</pre>
 */
package io.entityflow.contract.registry;
