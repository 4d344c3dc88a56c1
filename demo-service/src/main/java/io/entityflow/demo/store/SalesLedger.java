package io.entityflow.demo.store;

import com.acme.retail.sale.v1.Sale;
import io.entityflow.contract.Operation;
import io.entityflow.outbox.Outbox;
import io.entityflow.outbox.config.OutboxDatabase;
import io.entityflow.publisher.PublishRequest;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The demo's own table of sales, {@code demo_sales}, written together with the sale's event in one
 * database transaction: the event is recorded in the transactional outbox and published by the
 * relay after the commit, so a sale that committed always reaches Pub/Sub, and a sale that rolled
 * back never does.
 *
 * <pre>{@code
 * ledger.apply(sale, Operation.CREATED, occurredAt);   // INSERT ... ON CONFLICT + outbox row, one commit
 * ledger.apply(cancelled, Operation.DELETED, at);      // DELETE + outbox row, one commit
 * }</pre>
 *
 * <p>Guarantees: on return the transaction committed (both rows); on an exception it rolled back
 * (neither row) and the exception says why. Present when the outbox is (a database is configured).
 */
@Singleton
@Requires(beans = Outbox.class)
public class SalesLedger {
  private final Outbox outbox;
  private final OutboxDatabase database;

  SalesLedger(Outbox outbox, OutboxDatabase database) {
    this.outbox = outbox;
    this.database = database;
    createTable();
  }

  private void createTable() {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS demo_sales ("
              + " sale_id TEXT PRIMARY KEY,"
              + " customer_id TEXT NOT NULL,"
              + " state BYTEA NOT NULL,"
              + " updated_at TIMESTAMPTZ NOT NULL)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the demo_sales table", e);
    }
  }

  /**
   * Stores the sale's new state (or deletes it) and records its event, in one transaction.
   *
   * @return the event id
   */
  public String apply(Sale sale, Operation operation, Instant occurredAt) {
    try (Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      try {
        write(connection, sale, operation, occurredAt);
        String eventId =
            outbox.record(
                connection, PublishRequest.of(sale, operation).withOccurredAt(occurredAt));
        connection.commit();
        return eventId;
      } catch (RuntimeException | SQLException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "sale " + sale.getSaleId() + " " + operation + " was not stored (rolled back)", e);
    }
  }

  private static void write(Connection connection, Sale sale, Operation operation, Instant at)
      throws SQLException {
    if (operation == Operation.DELETED) {
      try (PreparedStatement delete =
          connection.prepareStatement("DELETE FROM demo_sales WHERE sale_id = ?")) {
        delete.setString(1, sale.getSaleId());
        delete.executeUpdate();
      }
      return;
    }
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO demo_sales (sale_id, customer_id, state, updated_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (sale_id) DO UPDATE SET customer_id = EXCLUDED.customer_id,"
                + " state = EXCLUDED.state, updated_at = EXCLUDED.updated_at")) {
      upsert.setString(1, sale.getSaleId());
      upsert.setString(2, sale.getCustomerId());
      upsert.setBytes(3, sale.toByteArray());
      upsert.setTimestamp(4, Timestamp.from(at));
      upsert.executeUpdate();
    }
  }

  /** Sales currently stored (for the demo's log and tests). */
  public long count() {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT count(*) FROM demo_sales")) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count demo_sales", e);
    }
  }
}
