package io.entityflow.outbox.config;

import io.entityflow.outbox.JdbcOutbox;
import io.entityflow.outbox.Outbox;
import io.entityflow.outbox.metrics.OutboxHealthIndicator;
import io.entityflow.outbox.metrics.OutboxMetrics;
import io.entityflow.outbox.metrics.OutboxMonitor;
import io.entityflow.outbox.relay.Backoff;
import io.entityflow.outbox.relay.OutboxRelay;
import io.entityflow.outbox.relay.RelayBatch;
import io.entityflow.outbox.store.OutboxSchema;
import io.entityflow.publisher.EntityPublisher;
import io.entityflow.publisher.EventEncoder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanLocator;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.management.health.indicator.HealthIndicator;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Creates the outbox beans when {@code entityflow.outbox.enabled} is not {@code false}: the {@link
 * OutboxDatabase} (the configured data source, migrated at startup when {@code migrate} is on), the
 * {@link Outbox}, the {@link OutboxMetrics} and their {@link OutboxMonitor}, the health indicator,
 * and, unless {@code relay.enabled=false}, the started {@link OutboxRelay}. Each bean can be
 * replaced with {@code @Replaces}.
 *
 * <pre>{@code
 * datasources.default.url: jdbc:postgresql://localhost:5432/checkout
 * entityflow.outbox.relay.enabled: false   # record here, relay elsewhere
 * }</pre>
 */
@Factory
@Requires(property = OutboxConfiguration.PREFIX + ".enabled", notEquals = "false")
public class OutboxFactory {

  /** The configured data source (unwrapped from Micronaut's transaction-aware proxy), migrated. */
  @Singleton
  public OutboxDatabase outboxDatabase(OutboxConfiguration configuration, BeanLocator beans) {
    configuration.validate();
    String name = configuration.getDatasource();
    DataSource dataSource =
        beans
            .findBean(DataSource.class, Qualifiers.byName(name))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the outbox needs the DataSource bean '"
                            + name
                            + "' ("
                            + OutboxConfiguration.PREFIX
                            + ".datasource); configure datasources."
                            + name
                            + ".url (micronaut-jdbc-hikari) or provide the bean"));
    DataSource raw = DelegatingDataSource.unwrapDataSource(dataSource);
    if (configuration.isMigrate()) {
      OutboxSchema.migrate(raw);
    }
    return new OutboxDatabase(name, raw);
  }

  /** The outbox, joining the Micronaut transactions of the configured data source. */
  @Singleton
  public Outbox outbox(EventEncoder encoder, OutboxDatabase database, BeanLocator beans) {
    @SuppressWarnings({"unchecked", "rawtypes"})
    Argument<ConnectionOperations<Connection>> type =
        (Argument) Argument.of(ConnectionOperations.class, Connection.class);
    ConnectionOperations<Connection> transactions =
        beans
            .findBean(type, Qualifiers.byName(database.name()))
            .or(
                () ->
                    "default".equals(database.name())
                        ? beans.findBean(type, null)
                        : Optional.empty())
            .orElse(null);
    return new JdbcOutbox(encoder, transactions, database.name());
  }

  /** The meters; in memory only without a meter registry. */
  @Singleton
  public OutboxMetrics outboxMetrics(@Nullable MeterRegistry meterRegistry) {
    return new OutboxMetrics(meterRegistry);
  }

  /** Reads depth and oldest age every {@code metrics-interval}; started with the context. */
  @Context
  @Bean(preDestroy = "close")
  public OutboxMonitor outboxMonitor(
      OutboxDatabase database, OutboxMetrics metrics, OutboxConfiguration configuration) {
    OutboxMonitor monitor =
        new OutboxMonitor(database.dataSource(), metrics, configuration.getMetricsInterval());
    monitor.start();
    return monitor;
  }

  /** The health indicator {@code entityflowOutbox}. */
  @Singleton
  @Requires(classes = HealthIndicator.class)
  public OutboxHealthIndicator outboxHealthIndicator(
      OutboxMonitor monitor, OutboxMetrics metrics, OutboxConfiguration configuration) {
    return new OutboxHealthIndicator(
        monitor,
        metrics,
        configuration.getHealth().getMaxAge(),
        configuration.getRelay().isEnabled());
  }

  /** The relay, started with the context, stopped when it closes. */
  @Context
  @Bean(preDestroy = "close")
  @Requires(property = OutboxConfiguration.PREFIX + ".relay.enabled", notEquals = "false")
  public OutboxRelay outboxRelay(
      OutboxDatabase database,
      EventEncoder encoder,
      EntityPublisher publisher,
      OutboxMetrics metrics,
      OutboxConfiguration configuration) {
    OutboxConfiguration.Relay relay = configuration.getRelay();
    RelayBatch batch =
        new RelayBatch(
            encoder,
            publisher,
            metrics,
            new RelayBatch.Settings(
                relay.getBatchSize(),
                relay.getKeysPerBatch(),
                Math.max(1000, 4 * relay.getBatchSize()),
                relay.getLockClass(),
                new Backoff(relay.getInitialBackoff(), relay.getMaxBackoff())));
    OutboxRelay started = new OutboxRelay(database.dataSource(), batch, relay);
    started.start();
    return started;
  }
}
