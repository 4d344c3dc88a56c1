package io.entityflow.alerting.warehouse;

import io.entityflow.alerting.model.SeriesHistory;
import io.entityflow.contract.layout.HeartbeatTable;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.warehouse.local.LocalWarehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counts events in the local DuckDB warehouse ({@link LocalWarehouse}): one grouped SQL query per
 * table, reading the Parquet files at query time, so it runs while the pipeline writes.
 *
 * <pre>{@code
 * EventCountSource source = new LocalEventCountSource(Path.of(".entityflow/warehouse"), registry);
 * }</pre>
 *
 * <p>Guarantees: each call opens and closes its own connection (no file locks); SQL errors become
 * {@link WarehouseException}s naming the table.
 */
public final class LocalEventCountSource implements EventCountSource {
  private final Path root;
  private final EntityRegistry registry;

  /** Creates a source over a warehouse root. */
  public LocalEventCountSource(Path root, EntityRegistry registry) {
    this.root = root;
    this.registry = registry;
  }

  /**
   * The SQL sent for a query (parameters: from and to as epoch seconds): hourly counts grouped in
   * DuckDB, then folded into one row per operation and segment with the hours (epoch seconds) and
   * counts as lists (far fewer rows to transfer than one per hour). Hours are computed with integer
   * arithmetic on {@code epoch_us} (UTC hours), several times faster than {@code date_trunc} on a
   * {@code TIMESTAMP WITH TIME ZONE}.
   */
  public static String sql(CountQuery query) {
    return "SELECT operation, segment, list(hour_start ORDER BY hour_start) AS hours,"
        + " list(events ORDER BY hour_start) AS counts, max(last_us) AS last_us FROM ("
        + "SELECT operation, "
        + segment(query)
        + " AS segment, (epoch_us(occurred_at) // 3600000000) * 3600 AS hour_start,"
        + " count(*) AS events, max(epoch_us(occurred_at)) AS last_us"
        + " FROM "
        + from(query)
        + " WHERE occurred_at >= to_timestamp(?) AND occurred_at < to_timestamp(?)"
        + " GROUP BY 1, 2, 3) GROUP BY 1, 2";
  }

  /**
   * Loads the DuckDB driver and its native library (extracted from the jar: most of a second on a
   * cold JVM), opens the warehouse and runs the count query of every contract table over an empty
   * hour of 1970 (Parquet footers are read, no row group matches), so that the first evaluation
   * does not pay these one-time costs.
   */
  @Override
  public void warmUp() {
    Instant epoch = Instant.EPOCH;
    List<CountQuery> queries = new java.util.ArrayList<>();
    for (var entity : registry.entities()) {
      var table = io.entityflow.contract.bigquery.EntityTable.of(entity);
      queries.add(
          new CountQuery(table.dataset(), table.name(), null, epoch, epoch.plusSeconds(3600)));
    }
    ingestedThrough();
    hourlyCounts(queries);
  }

  @Override
  public List<SeriesHistory> hourlyCounts(CountQuery query) {
    try (Connection connection = LocalWarehouse.open(root, registry)) {
      return hourlyCounts(connection, query);
    } catch (SQLException e) {
      throw new WarehouseException(
          "cannot count events of "
              + query.qualifiedTable()
              + " in the local warehouse at "
              + root
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** Runs several queries over one connection (one evaluation opens the warehouse once). */
  @Override
  public List<List<SeriesHistory>> hourlyCounts(List<CountQuery> queries) {
    try (Connection connection = LocalWarehouse.open(root, registry)) {
      List<List<SeriesHistory>> results = new java.util.ArrayList<>();
      for (CountQuery query : queries) {
        results.add(hourlyCounts(connection, query));
      }
      return results;
    } catch (SQLException e) {
      throw new WarehouseException(
          "cannot count events in the local warehouse at " + root + ": " + e.getMessage(), e);
    }
  }

  private static List<SeriesHistory> hourlyCounts(Connection connection, CountQuery query)
      throws SQLException {
    HourlyRowsCollector rows = new HourlyRowsCollector(query);
    try (PreparedStatement statement = connection.prepareStatement(sql(query))) {
      statement.setLong(1, query.from().getEpochSecond());
      statement.setDouble(2, query.to().getEpochSecond() + query.to().getNano() / 1e9);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          String operation = rs.getString(1);
          String segment = rs.getString(2);
          Object[] hours = (Object[]) rs.getArray(3).getArray();
          Object[] counts = (Object[]) rs.getArray(4).getArray();
          long[] hourStarts = new long[hours.length];
          long[] hourCounts = new long[hours.length];
          for (int i = 0; i < hours.length; i++) {
            hourStarts[i] = ((Number) hours[i]).longValue();
            hourCounts[i] = ((Number) counts[i]).longValue();
          }
          rows.addAll(operation, segment, hourStarts, hourCounts, rs.getLong(5));
        }
      }
    } catch (SQLException e) {
      throw new SQLException(
          "query of " + query.qualifiedTable() + " failed: " + e.getMessage(), e);
    }
    return rows.build();
  }

  /** The SQL of a window count (parameters: from and to as epoch seconds with fractions). */
  public static String windowSql(WindowCountQuery query) {
    return "SELECT operation, "
        + segment(query)
        + " AS segment, count(*) AS events FROM "
        + from(query)
        + " WHERE occurred_at >= to_timestamp(?) AND occurred_at < to_timestamp(?) GROUP BY 1, 2";
  }

  @Override
  public List<Map<String, Long>> windowCounts(List<WindowCountQuery> queries) {
    List<Map<String, Long>> results = new java.util.ArrayList<>();
    if (queries.isEmpty()) {
      return results;
    }
    try (Connection connection = LocalWarehouse.open(root, registry)) {
      for (WindowCountQuery query : queries) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(windowSql(query))) {
          statement.setDouble(1, seconds(query.from()));
          statement.setDouble(2, seconds(query.to()));
          try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              counts.put(query.seriesId(rs.getString(1), rs.getString(2)), rs.getLong(3));
            }
          }
        } catch (SQLException e) {
          throw new SQLException(
              "window count of " + query.qualifiedTable() + " failed: " + e.getMessage(), e);
        }
        results.add(counts);
      }
      return results;
    } catch (SQLException e) {
      throw new WarehouseException(
          "cannot count events in the local warehouse at " + root + ": " + e.getMessage(), e);
    }
  }

  /** The segment column as text, or a typed null without segment column. */
  private static String segment(CountedRange range) {
    return range.segmentColumn() == null
        ? "CAST(NULL AS VARCHAR)"
        : "CAST(\"" + range.segmentColumn() + "\" AS VARCHAR)";
  }

  /** The quoted view of the range's table. */
  private static String from(CountedRange range) {
    return "\"" + range.dataset() + "\".\"" + range.table() + "\"";
  }

  private static double seconds(Instant t) {
    return t.getEpochSecond() + t.getNano() / 1e9;
  }

  @Override
  public Optional<Instant> ingestedThrough() {
    try (Connection connection = LocalWarehouse.open(root, registry)) {
      try (PreparedStatement exists =
          connection.prepareStatement(
              "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND"
                  + " table_name = ?")) {
        exists.setString(1, HeartbeatTable.definition().dataset());
        exists.setString(2, HeartbeatTable.TABLE);
        try (ResultSet rs = exists.executeQuery()) {
          rs.next();
          if (rs.getLong(1) == 0) {
            return Optional.empty();
          }
        }
      }
      try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT CAST(epoch_us(max(ingested_through)) AS BIGINT) FROM \""
                      + HeartbeatTable.definition().dataset()
                      + "\".\""
                      + HeartbeatTable.TABLE
                      + "\"");
          ResultSet rs = statement.executeQuery()) {
        rs.next();
        long micros = rs.getLong(1);
        if (rs.wasNull()) {
          return Optional.empty();
        }
        return Optional.of(
            Instant.ofEpochSecond(
                Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000));
      }
    } catch (SQLException e) {
      throw new WarehouseException(
          "cannot read the ingestion watermark (entityflow.pipeline_heartbeat) of the local"
              + " warehouse at "
              + root
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
