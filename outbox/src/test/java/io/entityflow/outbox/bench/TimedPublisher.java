package io.entityflow.outbox.bench;

import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.publisher.DefaultEntityPublisher;
import io.entityflow.publisher.EncodedEvent;
import io.entityflow.publisher.PublishReceipt;
import io.entityflow.publisher.config.PublisherConfiguration;
import io.entityflow.publisher.metrics.PublisherMetrics;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark's publisher: the default one, keeping the {@link System#nanoTime()} of Pub/Sub's
 * confirmation per event id (commit-to-publish latency). Only with {@code
 * spec.name=OutboxBenchmark}.
 */
@Singleton
@Replaces(DefaultEntityPublisher.class)
@Requires(property = "spec.name", value = "OutboxBenchmark")
public class TimedPublisher extends DefaultEntityPublisher {
  /** Confirmation nanoTime by event id. */
  public static final Map<String, Long> CONFIRMED = new ConcurrentHashMap<>();

  /**
   * Whether confirmations are timed (only the latency scenarios: it costs a callback per event).
   */
  public static volatile boolean timing;

  public TimedPublisher(
      PublisherConfiguration configuration,
      EntityRegistry registry,
      PublisherMetrics metrics,
      @Value("${micronaut.application.name:}") String applicationName) {
    super(configuration, registry, metrics, applicationName);
  }

  @Override
  public List<CompletableFuture<PublishReceipt>> publishAllEncoded(List<EncodedEvent> events) {
    List<CompletableFuture<PublishReceipt>> futures = super.publishAllEncoded(events);
    if (!timing) {
      return futures;
    }
    for (CompletableFuture<PublishReceipt> future : futures) {
      future.thenAccept(receipt -> CONFIRMED.putIfAbsent(receipt.eventId(), System.nanoTime()));
    }
    return futures;
  }
}
