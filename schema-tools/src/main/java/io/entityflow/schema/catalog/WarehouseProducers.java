package io.entityflow.schema.catalog;

import io.entityflow.contract.bigquery.MetadataColumns;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.warehouse.local.LocalWarehouse;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The producing services of every entity as seen in a warehouse: the distinct values of the {@code
 * producer} metadata column (the publisher's {@code producer} attribute) with their event counts.
 * Reads the local warehouse; for BigQuery, {@link #bigQuery} gives the query to run.
 *
 * <pre>{@code
 * Map<String, List<String>> byTable = WarehouseProducers.local(Path.of(".entityflow/warehouse"), registry);
 * byTable.get("retail.sale_v1");  // ["demo-service (1,204 events)"]
 * }</pre>
 */
public final class WarehouseProducers {
  private WarehouseProducers() {}

  /** Producers per {@code dataset.table}, most events first, from the local warehouse. */
  public static Map<String, List<String>> local(Path root, EntityRegistry registry) {
    Map<String, List<String>> producers = new LinkedHashMap<>();
    try (Connection sql = LocalWarehouse.open(root, registry);
        Statement statement = sql.createStatement()) {
      for (EntityDefinition entity : registry.entities()) {
        String table = entity.dataset() + "." + entity.tableName();
        List<String> rows = new ArrayList<>();
        try (ResultSet rs =
            statement.executeQuery(
                "SELECT "
                    + MetadataColumns.PRODUCER
                    + ", count(*) FROM "
                    + table
                    + " GROUP BY 1 ORDER BY 2 DESC, 1")) {
          while (rs.next()) {
            String producer = rs.getString(1);
            rows.add(
                (producer == null ? "(no producer attribute)" : producer)
                    + " ("
                    + String.format(Locale.ROOT, "%,d", rs.getLong(2))
                    + " events)");
          }
        }
        producers.put(table, rows);
      }
    } catch (SQLException e) {
      throw new UncheckedIOException(
          "cannot read the producers from the local warehouse " + root + ": " + e.getMessage(),
          new java.io.IOException(e));
    }
    return producers;
  }

  /**
   * The BigQuery query listing a table's producers over the last 30 days (a partition filter, so it
   * scans 30 days of one column), e.g. {@code SELECT producer, COUNT(*) AS events FROM
   * `retail.sale_v1` WHERE occurred_at >= ... GROUP BY producer ORDER BY events DESC}.
   */
  public static String bigQuery(String qualifiedTable, String partitionField) {
    return "SELECT "
        + MetadataColumns.PRODUCER
        + ", COUNT(*) AS events FROM `"
        + qualifiedTable
        + "` WHERE "
        + partitionField
        + " >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 30 DAY) GROUP BY "
        + MetadataColumns.PRODUCER
        + " ORDER BY events DESC";
  }
}
