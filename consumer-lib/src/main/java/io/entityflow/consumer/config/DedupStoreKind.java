package io.entityflow.consumer.config;

/**
 * The dedup store the library creates ({@code entityflow.consumer.dedup.store}).
 *
 * <pre>{@code
 * entityflow.consumer.dedup.store: jdbc
 * }</pre>
 */
public enum DedupStoreKind {
  /** {@link io.entityflow.consumer.dedup.InMemoryDedupStore}: bounded, per process. */
  MEMORY,
  /** {@link io.entityflow.consumer.dedup.JdbcDedupStore} on the service's DataSource. */
  JDBC,
  /** {@link io.entityflow.consumer.dedup.DedupStore#NONE}: no deduplication. */
  NONE
}
