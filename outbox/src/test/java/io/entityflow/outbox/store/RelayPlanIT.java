package io.entityflow.outbox.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.testing.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay's claim on an outbox holding a backlog its statistics do not know about yet (real
 * PostgreSQL): 200,000 waiting rows over 64 keys, inserted faster than autovacuum analyzes them, as
 * after an outage of Pub/Sub or of the relay.
 */
class RelayPlanIT {
  /** The claim as it was: backing-off keys left out with NOT IN over the table. */
  private static final String NOT_IN_CLAIM =
      "WITH k AS MATERIALIZED ("
          + " SELECT topic, ordering_key, min(id) AS first_id FROM ("
          + "  SELECT id, topic, ordering_key FROM entityflow_outbox o"
          + "  WHERE invalid_reason IS NULL AND (topic, ordering_key) NOT IN ("
          + "   SELECT topic, ordering_key FROM entityflow_outbox"
          + "   WHERE next_attempt_at IS NOT NULL AND next_attempt_at > clock_timestamp())"
          + "  ORDER BY id LIMIT ?) w"
          + " GROUP BY topic, ordering_key ORDER BY first_id)"
          + " SELECT topic, ordering_key, first_id FROM k"
          + " WHERE pg_try_advisory_xact_lock(?, hashtext(topic || '/' || ordering_key))"
          + " LIMIT ?";

  /** The attributes of a recorded Sale event, as the relay stores them (about 300 bytes). */
  private static final String ATTRIBUTES =
      "jsonb_build_object('event_id', gen_random_uuid()::text, 'operation', 'UPDATED',"
          + " 'occurred_at', '2026-11-23T10:15:30.123Z', 'producer', 'checkout',"
          + " 'schema', 'acme.retail.sale.v1.Sale', 'schema_version', '1.0',"
          + " 'entity_id', 'sale-' || i, 'pii_encryption', 'tink-aead-v1',"
          + " 'traceparent', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')";

  private PostgresServer.Database database;

  @BeforeEach
  void backlogWithoutStatistics() throws SQLException {
    database = PostgresServer.shared().createDatabase("relay_plan");
    OutboxSchema.migrate(database.dataSource());
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE entityflow_outbox SET (autovacuum_enabled = false)");
      statement.execute(
          "INSERT INTO entityflow_outbox (event_id, topic, ordering_key, attributes, payload)"
              + " SELECT gen_random_uuid(), 'sale_v1', (i % 64)::text, "
              + ATTRIBUTES
              + ", decode(repeat('ab', 287), 'hex') FROM generate_series(1, 200000) i");
    }
  }

  @Test
  void claimLeavesBackingOffKeysOutWithAnAntiJoinOnTheIdOrderedScan() throws SQLException {
    List<String> before = plan(NOT_IN_CLAIM, false);
    assertThat(before).anyMatch(line -> line.contains("SubPlan 1"));
    assertThat(before).noneMatch(line -> line.contains("hashed SubPlan"));

    List<String> plan = plan(OutboxTable.CLAIM, true);

    assertThat(plan).noneMatch(line -> line.contains("SubPlan"));
    assertThat(plan).anyMatch(line -> line.contains("Anti Join"));
    assertThat(plan)
        .anyMatch(
            line ->
                line.contains("Index Scan using entityflow_outbox_pkey on entityflow_outbox o"));
    assertThat(plan).noneMatch(line -> line.contains("Seq Scan on entityflow_outbox o"));
  }

  @Test
  void claimTakesTheOldestKeysOfTheBacklog() throws SQLException {
    assertThat(claimThreeKeys())
        .containsExactly(
            new OutboxKey("sale_v1", "1", 1),
            new OutboxKey("sale_v1", "2", 2),
            new OutboxKey("sale_v1", "3", 3));
  }

  @Test
  void claimSkipsKeysWhoseHeadRowBacksOff() throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      OutboxTable.failed(connection, 1, "topic missing", java.time.Duration.ofHours(1));
    }

    assertThat(claimThreeKeys())
        .containsExactly(
            new OutboxKey("sale_v1", "2", 2),
            new OutboxKey("sale_v1", "3", 3),
            new OutboxKey("sale_v1", "4", 4));
  }

  /** A relay transaction's claim of 3 keys among the oldest 8,000 rows, rolled back. */
  private List<OutboxKey> claimThreeKeys() throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      OutboxTable.useIndexPlans(connection);
      List<OutboxKey> keys = OutboxTable.claimKeys(connection, 8000, 3, 3599);
      connection.rollback();
      return keys;
    }
  }

  /**
   * EXPLAIN of a claim of 16 keys among the oldest 8,000 rows, in a relay's transaction ({@code
   * indexPlans}: after {@link OutboxTable#useIndexPlans}) or as the planner chooses by itself.
   */
  private List<String> plan(String claim, boolean indexPlans) throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      if (indexPlans) {
        OutboxTable.useIndexPlans(connection);
      }
      List<String> plan = explain(connection, claim);
      connection.rollback();
      return plan;
    }
  }

  private static List<String> explain(Connection connection, String claim) throws SQLException {
    try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + claim)) {
      explain.setInt(1, 8000);
      explain.setInt(2, 3599);
      explain.setInt(3, 16);
      List<String> lines = new ArrayList<>();
      try (ResultSet result = explain.executeQuery()) {
        while (result.next()) {
          lines.add(result.getString(1));
        }
      }
      return lines;
    }
  }
}
