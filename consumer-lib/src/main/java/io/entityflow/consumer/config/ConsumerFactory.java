package io.entityflow.consumer.config;

import io.entityflow.consumer.deadletter.DeadLetterSink;
import io.entityflow.consumer.deadletter.PubSubDeadLetterSink;
import io.entityflow.consumer.dedup.DedupStore;
import io.entityflow.consumer.dedup.InMemoryDedupStore;
import io.entityflow.consumer.dedup.JdbcDedupStore;
import io.entityflow.consumer.metrics.ConsumerMetrics;
import io.entityflow.consumer.retry.DefaultRetryPolicy;
import io.entityflow.consumer.retry.RetryPolicy;
import io.entityflow.consumer.tracing.ConsumeTracing;
import io.entityflow.publisher.connection.PubSubConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.inject.Singleton;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The consumer's default beans, each replaceable with {@code @Replaces}: the {@link RetryPolicy}
 * ({@link DefaultRetryPolicy} of {@code retry.*}), the {@link DedupStore} ({@code dedup.store}:
 * memory, jdbc on the service's {@link DataSource}, or none), the {@link DeadLetterSink} (Pub/Sub),
 * the metrics and the Pub/Sub connection. None exists with {@code entityflow.consumer.enabled =
 * false}.
 *
 * <pre>{@code
 * @Factory
 * class MyBeans {
 *   @Singleton @Replaces(DedupStore.class)
 *   DedupStore dedup(DataSource ds) { return new JdbcDedupStore(ds, "accrual_handled"); }
 * }
 * }</pre>
 */
@Factory
@Requires(property = ConsumerConfiguration.PREFIX + ".enabled", notEquals = "false")
public class ConsumerFactory {

  /** {@link DefaultRetryPolicy} of {@code entityflow.consumer.retry.*}. */
  @Singleton
  public RetryPolicy retryPolicy(ConsumerConfiguration config) {
    return DefaultRetryPolicy.of(config.getRetry(), Thread.currentThread().getContextClassLoader());
  }

  /**
   * The store of {@code entityflow.consumer.dedup.store}.
   *
   * @throws IllegalStateException for {@code jdbc} without a DataSource bean, saying how to add one
   */
  @Singleton
  public DedupStore dedupStore(ConsumerConfiguration config, BeanProvider<DataSource> dataSources) {
    ConsumerConfiguration.Dedup dedup = config.getDedup();
    return switch (dedup.getStore()) {
      case MEMORY ->
          new InMemoryDedupStore(dedup.getMaxEntries(), dedup.getTtl(), Clock.systemUTC());
      case NONE -> DedupStore.NONE;
      case JDBC -> {
        if (!dataSources.isPresent()) {
          throw new IllegalStateException(
              ConsumerConfiguration.PREFIX
                  + ".dedup.store is jdbc but no javax.sql.DataSource bean exists; add one (e.g."
                  + " micronaut-jdbc-hikari with datasources.default.*) or use memory or none");
        }
        yield new JdbcDedupStore(dataSources.get(), dedup.getTable());
      }
    };
  }

  /**
   * The Pub/Sub connection: the emulator of {@code emulator-host} or the environment, else Google.
   */
  @Singleton
  @Bean(preDestroy = "close")
  public PubSubConnection pubSubConnection(ConsumerConfiguration config) {
    String host = config.getEmulatorHost();
    if (host == null || host.isBlank()) {
      host = System.getenv(ConsumerConfiguration.EMULATOR_ENV);
    }
    return PubSubConnection.to(host);
  }

  /** Dead letters to each consumer's dead-letter topic. */
  @Singleton
  @Bean(preDestroy = "close")
  public PubSubDeadLetterSink deadLetterSink(
      ConsumerConfiguration config, PubSubConnection connection) {
    return new PubSubDeadLetterSink(
        connection, config.getProjectId(), config.getDeadLetter().getPublishTimeout());
  }

  /**
   * Tracing of consumed events ({@link ConsumeTracing}): the application's {@link OpenTelemetry}
   * bean, else {@link GlobalOpenTelemetry} (called only when enabled and no bean exists); {@link
   * ConsumeTracing#OFF} when that is a no-op or {@code entityflow.consumer.tracing.enabled=false}.
   */
  @Singleton
  public ConsumeTracing consumeTracing(
      @Value("${" + ConsumeTracing.ENABLED_KEY + ":true}") boolean enabled,
      BeanProvider<OpenTelemetry> openTelemetry) {
    if (!enabled) {
      return ConsumeTracing.OFF;
    }
    return ConsumeTracing.of(
        openTelemetry.isPresent() ? openTelemetry.get() : GlobalOpenTelemetry.get());
  }

  /** Meters in the service's {@link MeterRegistry}, none without one. */
  @Singleton
  public ConsumerMetrics consumerMetrics(@Nullable MeterRegistry meterRegistry) {
    return new ConsumerMetrics(meterRegistry);
  }
}
