package io.entityflow.outbox.store;

import io.entityflow.publisher.EncodedEvent;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The SQL of the outbox table {@code entityflow_outbox} (PostgreSQL), each method on a connection
 * the caller owns (and whose transaction the caller commits).
 *
 * <pre>{@code
 * OutboxTable.insert(connection, List.of(encodedEvent));          // in the service's transaction
 * OutboxTable.useIndexPlans(connection);                          // relay transaction
 * List<OutboxKey> keys = OutboxTable.claimKeys(connection, 2000, 16, 3599);
 * List<OutboxRow> rows = OutboxTable.rowsOf(connection, keys, 500);
 * OutboxTable.delete(connection, confirmedIds);
 * }</pre>
 *
 * <p>Claiming takes a transaction-scoped advisory lock per (topic, ordering key): the key stays
 * with this transaction until it ends, and a key whose lock another transaction holds is skipped.
 * The rows of the claimed keys must be read by a later statement than the claim, so that they come
 * from a snapshot taken after the lock (after the previous holder's commit).
 */
public final class OutboxTable {
  /** The table name. */
  public static final String TABLE = "entityflow_outbox";

  /** The NOTIFY channel the insert trigger signals. */
  public static final String CHANNEL = "entityflow_outbox";

  /** Rows per INSERT statement (5 parameters each, PostgreSQL allows 65535). */
  static final int INSERT_CHUNK = 1000;

  private static final String INSERT_HEAD =
      "INSERT INTO entityflow_outbox (event_id, topic, ordering_key, attributes, payload) VALUES ";
  private static final String INSERT_ROW = "(?,?,?,?::jsonb,?)";

  // The keys are a MATERIALIZED CTE so that the lock condition runs on them one by one, oldest
  // first, and stops at the LIMIT: as a subquery the planner pushes the condition into the GROUP BY
  // (a filter on every group), which locked every key of the window, not only the claimed ones.
  // Keys backing off are read first, from the partial retry index (a few rows at most), and left
  // out of the window with NOT EXISTS against that set, an anti-join the planner puts on top of
  // the id-ordered index scan that the LIMIT stops early. The NOT IN over the whole table it
  // replaces became a SubPlan re-read for every row of the window whenever the planner expected
  // many backing-off rows (a table filled faster than autovacuum analyzes it: no statistics on
  // next_attempt_at), which kept one claim of a 200,000-row backlog running for minutes
  // (RelayPlanIT). now() (the relay transaction's start, a moment before this first statement)
  // rather than clock_timestamp(), so that the filter is not volatile.
  static final String CLAIM =
      "WITH b AS MATERIALIZED ("
          + " SELECT DISTINCT topic, ordering_key FROM entityflow_outbox"
          + " WHERE next_attempt_at IS NOT NULL AND next_attempt_at > now()),"
          + " k AS MATERIALIZED ("
          + " SELECT topic, ordering_key, min(id) AS first_id FROM ("
          + "  SELECT id, topic, ordering_key FROM entityflow_outbox o"
          + "  WHERE invalid_reason IS NULL AND NOT EXISTS ("
          + "   SELECT 1 FROM b WHERE b.topic = o.topic AND b.ordering_key = o.ordering_key)"
          + "  ORDER BY id LIMIT ?) w"
          + " GROUP BY topic, ordering_key ORDER BY first_id)"
          + " SELECT topic, ordering_key, first_id FROM k"
          + " WHERE pg_try_advisory_xact_lock(?, hashtext(topic || '/' || ordering_key))"
          + " LIMIT ?";

  // The relay's statements read a few keys' oldest rows and stop at a LIMIT, which the indexes
  // serve directly; with statistics missing or stale (a table filled faster than autovacuum
  // analyzes it) the planner prefers scanning the whole table, dead rows included, and sorting it.
  static final String INDEX_PLANS =
      "SET LOCAL enable_seqscan = off; SET LOCAL max_parallel_workers_per_gather = 0";

  static final String ROWS =
      "SELECT id, event_id::text, topic, ordering_key, attributes::text, payload, attempts,"
          + " coalesce(next_attempt_at > clock_timestamp(), false)"
          + " FROM entityflow_outbox"
          + " WHERE id >= ? AND invalid_reason IS NULL"
          + " AND topic || '/' || ordering_key = ANY(?::text[])"
          + " ORDER BY id LIMIT ?";

  private static final String DELETE = "DELETE FROM entityflow_outbox WHERE id = ANY(?)";

  private static final String FAILED =
      "UPDATE entityflow_outbox SET attempts = attempts + 1, last_error = ?,"
          + " next_attempt_at = clock_timestamp() + ? * interval '1 millisecond' WHERE id = ?";

  private static final String PARK = "UPDATE entityflow_outbox SET invalid_reason = ? WHERE id = ?";

  private static final String STATS =
      "SELECT count(*) FILTER (WHERE invalid_reason IS NULL),"
          + " coalesce(extract(epoch FROM clock_timestamp()"
          + "  - min(created_at) FILTER (WHERE invalid_reason IS NULL)) * 1000, 0)::bigint,"
          + " count(*) FILTER (WHERE invalid_reason IS NULL AND next_attempt_at IS NOT NULL),"
          + " count(*) FILTER (WHERE invalid_reason IS NOT NULL)"
          + " FROM entityflow_outbox";

  private OutboxTable() {}

  /** Inserts one row per event, in list order, with multi-row INSERT statements. */
  public static void insert(Connection connection, List<EncodedEvent> events) throws SQLException {
    for (int from = 0; from < events.size(); from += INSERT_CHUNK) {
      int to = Math.min(events.size(), from + INSERT_CHUNK);
      StringBuilder sql = new StringBuilder(INSERT_HEAD.length() + 20 * (to - from));
      sql.append(INSERT_HEAD);
      for (int i = from; i < to; i++) {
        sql.append(i == from ? "" : ",").append(INSERT_ROW);
      }
      try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
        int p = 1;
        for (int i = from; i < to; i++) {
          EncodedEvent event = events.get(i);
          insert.setObject(p++, UUID.fromString(event.eventId()));
          insert.setString(p++, event.topic());
          insert.setString(p++, event.orderingKey());
          insert.setString(p++, AttributesJson.write(event.attributes()));
          insert.setBytes(p++, event.payload().toByteArray());
        }
        insert.executeUpdate();
      }
    }
  }

  /**
   * Makes the rest of the caller's transaction plan the relay's statements with indexes (no
   * sequential or parallel scan of the table), whatever the table's statistics say: the relay reads
   * the oldest rows of a few keys, which the indexes reach directly and the LIMIT ends early, while
   * a scan reads every row, including the deleted rows a busy outbox table carries until vacuum.
   */
  public static void useIndexPlans(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(INDEX_PLANS);
    }
  }

  /**
   * Claims up to {@code maxKeys} keys that have rows among the oldest {@code window} waiting rows
   * (keys backing off excluded), oldest first, skipping keys another transaction holds.
   */
  public static List<OutboxKey> claimKeys(
      Connection connection, int window, int maxKeys, int lockClass) throws SQLException {
    try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
      claim.setInt(1, window);
      claim.setInt(2, lockClass);
      claim.setInt(3, maxKeys);
      List<OutboxKey> keys = new ArrayList<>();
      try (ResultSet result = claim.executeQuery()) {
        while (result.next()) {
          keys.add(new OutboxKey(result.getString(1), result.getString(2), result.getLong(3)));
        }
      }
      return keys;
    }
  }

  /**
   * The waiting rows of {@code keys} in insert order, at most {@code limit}, from the first row id
   * the claim saw on (rows of a claimed key below it were published before the claim).
   */
  public static List<OutboxRow> rowsOf(Connection connection, List<OutboxKey> keys, int limit)
      throws SQLException {
    long from = Long.MAX_VALUE;
    for (OutboxKey key : keys) {
      from = Math.min(from, key.firstId());
    }
    String[] claimed = new String[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      // the lock's name of the key: topic names have no '/', so it names exactly one key
      claimed[i] = keys.get(i).topic() + '/' + keys.get(i).orderingKey();
    }
    try (PreparedStatement select = connection.prepareStatement(ROWS)) {
      select.setLong(1, from);
      select.setArray(2, connection.createArrayOf("text", claimed));
      select.setInt(3, limit);
      List<OutboxRow> rows = new ArrayList<>();
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          rows.add(
              new OutboxRow(
                  result.getLong(1),
                  result.getString(2),
                  result.getString(3),
                  result.getString(4),
                  AttributesJson.read(result.getString(5)),
                  result.getBytes(6),
                  result.getInt(7),
                  result.getBoolean(8)));
        }
      }
      return rows;
    }
  }

  /** Deletes the rows with these ids. */
  public static void delete(Connection connection, List<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
      Array array = connection.createArrayOf("bigint", ids.toArray());
      delete.setArray(1, array);
      delete.executeUpdate();
    }
  }

  /** Counts a failed attempt of row {@code id}, keeps the reason, and backs it off. */
  public static void failed(Connection connection, long id, String error, Duration backoff)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(FAILED)) {
      update.setString(1, error);
      update.setLong(2, backoff.toMillis());
      update.setLong(3, id);
      update.executeUpdate();
    }
  }

  /** Parks row {@code id}: it is kept, reported, and never published until the reason is reset. */
  public static void park(Connection connection, long id, String reason) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(PARK)) {
      update.setString(1, reason);
      update.setLong(2, id);
      update.executeUpdate();
    }
  }

  /** Depth, oldest age, retrying and parked rows, read now. */
  public static OutboxStats stats(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(STATS)) {
      result.next();
      return new OutboxStats(
          result.getLong(1),
          Duration.ofMillis(result.getLong(2)),
          result.getLong(3),
          result.getLong(4));
    }
  }
}
