/**
 * Configuration ({@code entityflow.consumer.*}) and the replaceable default beans.
 *
 * <pre>{@code
 * @Singleton @Replaces(DedupStore.class)
 * DedupStore redisStore() { ... }
 * }</pre>
 */
package io.entityflow.consumer.config;
