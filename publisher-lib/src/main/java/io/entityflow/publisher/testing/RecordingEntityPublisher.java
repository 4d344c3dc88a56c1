package io.entityflow.publisher.testing;

import com.google.protobuf.Message;
import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.contract.Operation;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.publisher.EncodedEvent;
import io.entityflow.publisher.EntityPublisher;
import io.entityflow.publisher.PublishFailedException;
import io.entityflow.publisher.PublishReceipt;
import io.entityflow.publisher.PublishRequest;
import io.entityflow.publisher.config.PublisherConfiguration;
import io.entityflow.publisher.internal.EntityRoute;
import io.entityflow.publisher.internal.EventMessages;
import io.entityflow.publisher.validation.EventValidator;
import io.entityflow.publisher.validation.ValidatedEvent;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * An {@link EntityPublisher} that records events instead of sending them, for a service's unit
 * tests. It validates exactly like the real one (an invalid event throws) and encodes the exact
 * message the real one would send, with ordering key and with {@code producer} = {@code recording}.
 * Enable it with {@code entityflow.publisher.recording=true}: it then replaces the real publisher
 * bean.
 *
 * <pre>{@code
 * try (ApplicationContext context = ApplicationContext.run(Map.of(
 *     "entityflow.publisher.recording", true, "micronaut.application.name", "checkout"))) {
 *   context.getBean(CheckoutService.class).checkout(basket);
 *   RecordingEntityPublisher published = context.getBean(RecordingEntityPublisher.class);
 *   published.assertPublished(expectedSale, Operation.CREATED);
 * }
 * }</pre>
 *
 * <p>Thread-safe. Futures complete at once: with a receipt (message id {@code recorded-<n>}), or
 * with {@link PublishFailedException} after {@link #failWith(RuntimeException)}.
 */
@Singleton
@Replaces(EntityPublisher.class)
@Requires(property = PublisherConfiguration.PREFIX + ".recording", value = "true")
public class RecordingEntityPublisher implements EntityPublisher {
  private final EntityRegistry registry;
  private final EventValidator validator;
  private final List<RecordedEvent> events = new CopyOnWriteArrayList<>();
  private volatile RuntimeException failure;

  /** A recording publisher for the entities of {@code registry}. */
  public RecordingEntityPublisher(EntityRegistry registry) {
    this.registry = registry;
    this.validator = new EventValidator(registry);
  }

  @Override
  public CompletableFuture<PublishReceipt> publish(PublishRequest request) {
    return record(validator.validate(request), request);
  }

  @Override
  public List<CompletableFuture<PublishReceipt>> publishAll(List<PublishRequest> requests) {
    List<ValidatedEvent> entities = requests.stream().map(validator::validate).toList();
    List<CompletableFuture<PublishReceipt>> futures = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      futures.add(record(entities.get(i), requests.get(i)));
    }
    return futures;
  }

  private synchronized CompletableFuture<PublishReceipt> record(
      ValidatedEvent valid, PublishRequest request) {
    EntityRoute route = EntityRoute.of(valid.entity());
    String eventId = request.eventId() != null ? request.eventId() : UUID.randomUUID().toString();
    RuntimeException fail = failure;
    if (fail != null) {
      return CompletableFuture.failedFuture(
          new PublishFailedException(eventId, route.topic(), fail));
    }
    Instant occurredAt = request.occurredAt() != null ? request.occurredAt() : Instant.now();
    PubsubMessage message =
        EventMessages.encode(
            request.entity(),
            route,
            request.operation(),
            eventId,
            occurredAt,
            "recording",
            request.attributes(),
            route.orderingKey(valid.id()));
    PublishReceipt receipt =
        new PublishReceipt(eventId, "recorded-" + (events.size() + 1), route.topic());
    events.add(
        new RecordedEvent(request.entity(), request.operation(), route.topic(), message, receipt));
    return CompletableFuture.completedFuture(receipt);
  }

  /**
   * Records the encoded event exactly: its message is {@link EncodedEvent#toMessage(boolean)} with
   * the ordering key, producer and event id as encoded (not {@code recording}); its entity is
   * {@link EncodedEvent#entity()}.
   */
  @Override
  public synchronized CompletableFuture<PublishReceipt> publishEncoded(EncodedEvent event) {
    RuntimeException fail = failure;
    if (fail != null) {
      return CompletableFuture.failedFuture(
          new PublishFailedException(event.eventId(), event.topic(), fail));
    }
    PublishReceipt receipt =
        new PublishReceipt(event.eventId(), "recorded-" + (events.size() + 1), event.topic());
    events.add(
        new RecordedEvent(
            event.entity(), event.operation(), event.topic(), event.toMessage(true), receipt));
    return CompletableFuture.completedFuture(receipt);
  }

  @Override
  public List<CompletableFuture<PublishReceipt>> publishAllEncoded(List<EncodedEvent> events) {
    return events.stream().map(this::publishEncoded).toList();
  }

  /** Makes every later publish fail with {@code cause}; {@code null} makes them succeed again. */
  public void failWith(RuntimeException cause) {
    this.failure = cause;
  }

  /** Every recorded event, in publish order. */
  public List<RecordedEvent> events() {
    return List.copyOf(events);
  }

  /** The recorded entities of one type, in publish order. */
  public <T extends Message> List<T> entitiesOf(Class<T> type) {
    return events.stream()
        .map(RecordedEvent::entity)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  /** Forgets every recorded event. */
  public synchronized void clear() {
    events.clear();
  }

  /**
   * Asserts that {@code entity} (equal by value) was published with {@code operation}.
   *
   * @throws AssertionError listing what was published instead
   */
  public void assertPublished(Message entity, Operation operation) {
    boolean found =
        events.stream()
            .anyMatch(e -> e.operation() == operation && Objects.equals(e.entity(), entity));
    if (!found) {
      throw new AssertionError(
          "expected "
              + operation
              + " "
              + entity.getDescriptorForType().getName()
              + " with id "
              + idText(entity)
              + " to be published; published: "
              + describe());
    }
  }

  /**
   * Asserts how many events were published.
   *
   * @throws AssertionError listing what was published
   */
  public void assertPublishedCount(int expected) {
    if (events.size() != expected) {
      throw new AssertionError(
          "expected " + expected + " published events, got " + events.size() + ": " + describe());
    }
  }

  /** Asserts that nothing was published. */
  public void assertNothingPublished() {
    assertPublishedCount(0);
  }

  private String idText(Message entity) {
    return registry
        .find(entity.getDescriptorForType().getFullName())
        .filter(definition -> definition.hasId(entity))
        .map(definition -> "'" + definition.idOf(entity) + "'")
        .orElse("(unset)");
  }

  private String describe() {
    if (events.isEmpty()) {
      return "nothing";
    }
    return events.stream().map(RecordedEvent::toString).collect(Collectors.joining(", ", "[", "]"));
  }
}
