package io.entityflow.consumer.dedup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A durable dedup store in the service's own database (PostgreSQL; the SQL is plain apart from
 * {@code ON CONFLICT DO NOTHING}). The table comes from the shipped migration {@value #MIGRATION}
 * (Flyway: add {@code classpath:db/entityflow-consumer} to the locations) or {@link #migrate()}.
 *
 * <pre>{@code
 * JdbcDedupStore store = new JdbcDedupStore(dataSource, JdbcDedupStore.DEFAULT_TABLE);
 * store.migrate();                                   // without Flyway
 * // in a handler that writes to the same database, exactly-once effects:
 * try (Connection c = dataSource.getConnection()) {
 *   c.setAutoCommit(false);
 *   if (store.markHandled(c, "loyalty_accrual", event.eventId())) { insertAccrual(c, ...); }
 *   c.commit();
 * }
 * }</pre>
 *
 * <p>Guarantees: a mark is committed before the library acknowledges the event; an id whose mark
 * committed is never handled again by that consumer, across restarts and instances. Old marks are
 * removed with {@link #purgeHandledBefore(Instant)}.
 */
public final class JdbcDedupStore implements DedupStore {
  /** The table of the shipped migration. */
  public static final String DEFAULT_TABLE = "entityflow_consumer_handled_events";

  /** The shipped migration, a Flyway versioned script. */
  public static final String MIGRATION =
      "db/entityflow-consumer/V1__entityflow_consumer_handled_events.sql";

  private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final DataSource dataSource;
  private final String table;

  /**
   * A store in {@code table} of {@code dataSource}.
   *
   * @throws IllegalArgumentException naming the value when the table name is not a plain lower case
   *     SQL identifier
   */
  public JdbcDedupStore(DataSource dataSource, String table) {
    if (table == null || !TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException(
          "entityflow.consumer.dedup.table '"
              + table
              + "' is not allowed; allowed: a lower case SQL identifier (a-z, 0-9, _; at most 63"
              + " characters, not starting with a digit)");
    }
    this.dataSource = dataSource;
    this.table = table;
  }

  /** Creates the table and index if missing: the shipped migration, with this store's table. */
  public void migrate() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : migrationSql().replace(DEFAULT_TABLE, table).split(";")) {
        String withoutComments = sql.replaceAll("(?m)^--.*$", "").trim();
        if (!withoutComments.isEmpty()) {
          statement.execute(withoutComments);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not create dedup table " + table, e);
    }
  }

  /** The text of the shipped migration. */
  public static String migrationSql() {
    try (InputStream in = JdbcDedupStore.class.getClassLoader().getResourceAsStream(MIGRATION)) {
      if (in == null) {
        throw new IllegalStateException("resource " + MIGRATION + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean isHandled(String consumer, String eventId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT 1 FROM " + table + " WHERE consumer = ? AND event_id = ?")) {
      select.setString(1, consumer);
      select.setString(2, eventId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "dedup table " + table + ": cannot read event " + eventId + " of " + consumer, e);
    }
  }

  @Override
  public void markHandled(String consumer, String eventId) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      markHandled(connection, consumer, eventId);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "dedup table " + table + ": cannot mark event " + eventId + " of " + consumer, e);
    }
  }

  /**
   * Marks the event on the caller's connection, inside the caller's transaction.
   *
   * @return true when this call marked it, false when it was marked before (then skip the work)
   */
  public boolean markHandled(Connection connection, String consumer, String eventId)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO "
                + table
                + " (consumer, event_id) VALUES (?, ?) ON CONFLICT (consumer, event_id) DO"
                + " NOTHING")) {
      insert.setString(1, consumer);
      insert.setString(2, eventId);
      return insert.executeUpdate() == 1;
    }
  }

  /** Deletes the marks older than {@code cutoff}; returns how many. */
  public int purgeHandledBefore(Instant cutoff) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM " + table + " WHERE handled_at < ?")) {
      delete.setTimestamp(1, Timestamp.from(cutoff));
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("dedup table " + table + ": cannot purge", e);
    }
  }
}
