package io.entityflow.publisher;

import com.google.protobuf.Message;
import io.entityflow.contract.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes changes of contract entities to their Pub/Sub topic. Topic, attributes and ordering key
 * come from the contract registry; the caller only passes the entity and what happened to it.
 *
 * <pre>{@code
 * @Inject EntityPublisher publisher;
 *
 * publisher.publish(sale, Operation.CREATED)
 *     .thenAccept(receipt -> log.info("sale event {} is {}", receipt.eventId(), receipt.messageId()));
 * }</pre>
 *
 * <p>Guarantees: every call first validates the event (known entity, id set, message initialized,
 * event id a UUID, extra attributes within Pub/Sub's limits and not reserved) and throws {@link
 * InvalidEventException} without publishing anything when it is invalid. A valid event ends in
 * exactly one of two outcomes: its future completes with a {@link PublishReceipt} (Pub/Sub stored
 * it) or completes exceptionally with a {@link PublishFailedException} whose cause is the reason.
 * After shutdown has started every call fails at once with {@link PublisherClosedException}.
 */
public interface EntityPublisher {

  /**
   * Publishes one event.
   *
   * @throws InvalidEventException when the event is invalid; nothing was published
   */
  CompletableFuture<PublishReceipt> publish(PublishRequest request);

  /**
   * Publishes several events. All are validated first: if one is invalid, none is published. Each
   * event has its own future, in the order of the requests.
   *
   * @throws InvalidEventException naming the first invalid event; nothing was published
   */
  List<CompletableFuture<PublishReceipt>> publishAll(List<PublishRequest> requests);

  /**
   * Publishes an event encoded earlier by {@link EventEncoder} exactly as it is: the same event id,
   * attributes, payload bytes and ordering key (sent when message ordering is on). A transactional
   * outbox relays its stored events this way, so a retry carries the same event id.
   *
   * @throws PublisherClosedException when shutdown has started
   */
  CompletableFuture<PublishReceipt> publishEncoded(EncodedEvent event);

  /**
   * Publishes encoded events in list order, one future each, and sends them at once instead of
   * waiting for the batching delay. Within one call the stored events of one ordering key are a
   * prefix of that key's events in the list: once an event of a key fails, every later event of
   * that key in the same call fails too (none is stored ahead of an earlier one that failed).
   *
   * @throws PublisherClosedException when shutdown has started
   */
  List<CompletableFuture<PublishReceipt>> publishAllEncoded(List<EncodedEvent> events);

  /** Publishes a change that happened now, with a new random event id. */
  default CompletableFuture<PublishReceipt> publish(Message entity, Operation operation) {
    return publish(PublishRequest.of(entity, operation));
  }

  /** Publishes a change that happened at {@code occurredAt}, with a new random event id. */
  default CompletableFuture<PublishReceipt> publish(
      Message entity, Operation operation, Instant occurredAt) {
    return publish(PublishRequest.of(entity, operation).withOccurredAt(occurredAt));
  }

  /**
   * Publishes a change with the caller's event id (a UUID), so a retry after a crash carries the
   * same id and consumers deduplicate it.
   */
  default CompletableFuture<PublishReceipt> publish(
      Message entity, Operation operation, String eventId) {
    return publish(PublishRequest.of(entity, operation).withEventId(eventId));
  }

  /** Publishes a change with extra attributes (not the reserved contract names). */
  default CompletableFuture<PublishReceipt> publish(
      Message entity, Operation operation, Map<String, String> attributes) {
    return publish(PublishRequest.of(entity, operation).withAttributes(attributes));
  }
}
