package io.entityflow.outbox;

import com.google.protobuf.Message;
import io.entityflow.contract.Operation;
import io.entityflow.publisher.InvalidEventException;
import io.entityflow.publisher.PublishRequest;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Records entity changes in the service's own database transaction; the relay publishes them after
 * the commit, so an event is published if and only if its transaction committed (at least once,
 * retries carry the same event id).
 *
 * <pre>{@code
 * @Transactional
 * public void complete(Sale sale) {
 *   sales.save(sale);                          // the service's own write
 *   outbox.record(sale, Operation.CREATED);    // one row, same transaction
 * }
 *
 * // plain JDBC:
 * connection.setAutoCommit(false);
 * outbox.record(connection, PublishRequest.of(sale, Operation.CREATED));
 * connection.commit();
 * }</pre>
 *
 * <p>Guarantees: every call validates and encodes exactly like the publisher ({@link
 * io.entityflow.publisher.EventEncoder}) before touching the database; an invalid event throws
 * {@link InvalidEventException} and leaves the transaction as it was (for {@code recordAll}: none
 * of the list is recorded). A valid event becomes one row with its event id, topic, ordering key,
 * attributes and payload bytes; the relay publishes exactly these. A database error throws {@link
 * OutboxWriteException} (the transaction is then aborted and must be rolled back). Calls without a
 * transaction (no Micronaut transaction, or a connection in auto-commit mode) throw {@link
 * IllegalStateException}.
 */
public interface Outbox {

  /**
   * Records one event in the current Micronaut transaction ({@code @Transactional}).
   *
   * @return the event id
   */
  String record(PublishRequest request);

  /** Records several events in the current transaction, in list order; returns their ids. */
  List<String> recordAll(List<PublishRequest> requests);

  /** Records one event on {@code connection}, in its open transaction; returns the event id. */
  String record(Connection connection, PublishRequest request);

  /** Records several events on {@code connection}, in its open transaction. */
  List<String> recordAll(Connection connection, List<PublishRequest> requests);

  /** Records a change that happened now, with a new random event id. */
  default String record(Message entity, Operation operation) {
    return record(PublishRequest.of(entity, operation));
  }

  /** Records a change that happened at {@code occurredAt}. */
  default String record(Message entity, Operation operation, Instant occurredAt) {
    return record(PublishRequest.of(entity, operation).withOccurredAt(occurredAt));
  }

  /** Records a change with the caller's event id (a UUID). */
  default String record(Message entity, Operation operation, String eventId) {
    return record(PublishRequest.of(entity, operation).withEventId(eventId));
  }

  /** Records a change with extra attributes (not the reserved contract names). */
  default String record(Message entity, Operation operation, Map<String, String> attributes) {
    return record(PublishRequest.of(entity, operation).withAttributes(attributes));
  }

  /** Records a change that happened now on {@code connection}. */
  default String record(Connection connection, Message entity, Operation operation) {
    return record(connection, PublishRequest.of(entity, operation));
  }
}
