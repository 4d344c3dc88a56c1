package io.entityflow.outbox;

import io.entityflow.outbox.config.OutboxConfiguration;
import io.entityflow.outbox.store.OutboxTable;
import io.entityflow.publisher.EncodedEvent;
import io.entityflow.publisher.EventEncoder;
import io.entityflow.publisher.PublishRequest;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.ConnectionStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The {@link Outbox} bean: encodes with the publisher's {@link EventEncoder} and inserts into
 * {@code entityflow_outbox} on the caller's connection. Without a connection argument it uses the
 * connection of the current Micronaut transaction on the configured data source ({@code
 * entityflow.outbox.datasource}). Replace it with {@code @Replaces(Outbox.class)}.
 *
 * <pre>{@code
 * Outbox outbox = new JdbcOutbox(encoder, connectionOperations, "default");
 * outbox.record(connection, PublishRequest.of(sale, Operation.CREATED));
 * }</pre>
 *
 * <p>The span current when an event is recorded travels with it ({@link RecordedTraceContext}).
 *
 * <p>Thread-safe; holds no connection of its own.
 */
public class JdbcOutbox implements Outbox {
  private final EventEncoder encoder;
  private final ConnectionOperations<Connection> transactions;
  private final String dataSourceName;

  /**
   * An outbox encoding with {@code encoder}.
   *
   * @param transactions the connection operations of the data source ({@code null} without
   *     micronaut-data: only the connection overloads work)
   * @param dataSourceName the data source's name, for messages
   */
  public JdbcOutbox(
      EventEncoder encoder, ConnectionOperations<Connection> transactions, String dataSourceName) {
    this.encoder = encoder;
    this.transactions = transactions;
    this.dataSourceName = dataSourceName;
  }

  @Override
  public String record(PublishRequest request) {
    return record(currentConnection(), request);
  }

  @Override
  public List<String> recordAll(List<PublishRequest> requests) {
    return recordAll(currentConnection(), requests);
  }

  @Override
  public String record(Connection connection, PublishRequest request) {
    EncodedEvent event = encoder.encode(RecordedTraceContext.attach(request));
    insert(connection, List.of(event));
    return event.eventId();
  }

  @Override
  public List<String> recordAll(Connection connection, List<PublishRequest> requests) {
    List<EncodedEvent> events =
        encoder.encodeAll(requests.stream().map(RecordedTraceContext::attach).toList());
    insert(connection, events);
    return events.stream().map(EncodedEvent::eventId).toList();
  }

  private void insert(Connection connection, List<EncodedEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    try {
      if (connection.getAutoCommit()) {
        throw new IllegalStateException(
            "the outbox records events only inside a transaction, but the connection is in"
                + " auto-commit mode; call setAutoCommit(false) first (or use @Transactional)");
      }
      OutboxTable.insert(connection, events);
    } catch (SQLException e) {
      throw new OutboxWriteException(events.size(), e);
    }
  }

  private Connection currentConnection() {
    Optional<ConnectionStatus<Connection>> status =
        transactions == null ? Optional.empty() : transactions.findConnectionStatus();
    return status
        .map(ConnectionStatus::getConnection)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "outbox.record(...) without a connection needs a transaction on data source '"
                        + dataSourceName
                        + "' ("
                        + OutboxConfiguration.PREFIX
                        + ".datasource): call it inside a @Transactional method"
                        + " (micronaut-data-tx-jdbc), or pass the java.sql.Connection of your"
                        + " transaction"));
  }
}
