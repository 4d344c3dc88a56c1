package io.entityflow.publisher;

import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.publisher.config.PublisherConfiguration;
import io.entityflow.publisher.validation.EventValidator;
import io.entityflow.publisher.validation.ValidatedEvent;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link EntityPublisher} bean when {@code entityflow.publisher.enabled=false}: the service
 * still starts and its code still calls the publisher, but nothing reaches Pub/Sub and nothing is
 * dropped silently. Each event is validated exactly like the real publisher does (an invalid event
 * throws {@link InvalidEventException}); a valid event gets a future that is already failed with a
 * {@link PublishFailedException} (event id, topic) caused by a {@link PublisherDisabledException}
 * naming the key.
 *
 * <pre>{@code
 * try (ApplicationContext context = ApplicationContext.run(Map.of(
 *     "entityflow.publisher.enabled", false, "micronaut.application.name", "checkout"))) {
 *   context.getBean(EntityPublisher.class).publish(sale, Operation.CREATED).join();
 *   // throws CompletionException: PublishFailedException "event ... was not published to topic
 *   // sale_v1: the entity publisher is disabled (entityflow.publisher.enabled=false); ..."
 * }
 * }</pre>
 *
 * <p>Needs no project id, producer or connection. Thread-safe.
 */
@Singleton
@Requires(property = PublisherConfiguration.PREFIX + ".enabled", value = "false")
@Requires(property = PublisherConfiguration.PREFIX + ".recording", notEquals = "true")
public class DisabledEntityPublisher implements EntityPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(DisabledEntityPublisher.class);

  private final EventValidator validator;

  /** A disabled publisher that validates against {@code registry}. */
  public DisabledEntityPublisher(EntityRegistry registry) {
    this.validator = new EventValidator(registry);
    LOG.warn(
        "the entity publisher is disabled ({}.enabled=false): every publish is validated and then"
            + " fails its future; nothing is sent to Pub/Sub",
        PublisherConfiguration.PREFIX);
  }

  @Override
  public CompletableFuture<PublishReceipt> publish(PublishRequest request) {
    return refuse(validator.validate(request), request);
  }

  @Override
  public List<CompletableFuture<PublishReceipt>> publishAll(List<PublishRequest> requests) {
    List<ValidatedEvent> valid = new ArrayList<>(requests.size());
    for (PublishRequest request : requests) {
      valid.add(validator.validate(request));
    }
    List<CompletableFuture<PublishReceipt>> futures = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      futures.add(refuse(valid.get(i), requests.get(i)));
    }
    return futures;
  }

  @Override
  public CompletableFuture<PublishReceipt> publishEncoded(EncodedEvent event) {
    return CompletableFuture.failedFuture(
        new PublishFailedException(
            event.eventId(), event.topic(), new PublisherDisabledException(event.entityName())));
  }

  @Override
  public List<CompletableFuture<PublishReceipt>> publishAllEncoded(List<EncodedEvent> events) {
    return events.stream().map(this::publishEncoded).toList();
  }

  private static CompletableFuture<PublishReceipt> refuse(
      ValidatedEvent valid, PublishRequest request) {
    String eventId = request.eventId() != null ? request.eventId() : UUID.randomUUID().toString();
    return CompletableFuture.failedFuture(
        new PublishFailedException(
            eventId,
            valid.entity().topicName(),
            new PublisherDisabledException(valid.entity().name())));
  }
}
