/**
 * Deduplication by event id: the {@link io.entityflow.consumer.dedup.DedupStore} contract, the
 * default bounded in-memory store and the JDBC store with its shipped migration.
 *
 * <pre>{@code
 * entityflow.consumer.dedup.store: jdbc   # uses the service's DataSource bean
 * }</pre>
 */
package io.entityflow.consumer.dedup;
