package io.entityflow.publisher.config;

import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.publisher.metrics.PublisherMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Beans the publisher needs: the contract registry (from {@link EntityRegistry#load()}: every
 * contract artifact on the classpath, merged) and the per-topic metrics (exported to Micrometer
 * when a {@link MeterRegistry} bean exists). Both can be replaced with {@code @Replaces}.
 *
 * <pre>{@code
 * @Factory
 * class MyContract {
 *   @Singleton @Replaces(EntityRegistry.class)
 *   EntityRegistry registry() { return EntityRegistry.fromDescriptorSet(bytes); }
 * }
 * }</pre>
 */
@Factory
public class RegistryAndMetricsFactory {

  /**
   * Every contract artifact on the classpath ({@code entityflow/contract.desc} of {@code
   * entityflow-proto} and of each company contract jar), merged.
   */
  @Singleton
  public EntityRegistry entityRegistry() {
    return EntityRegistry.load();
  }

  /** Per-topic metrics; in memory only when no meter registry exists. */
  @Singleton
  public PublisherMetrics publisherMetrics(@Nullable MeterRegistry meterRegistry) {
    return new PublisherMetrics(meterRegistry);
  }
}
