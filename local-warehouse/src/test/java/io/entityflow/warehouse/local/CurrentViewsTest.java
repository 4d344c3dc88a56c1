package io.entityflow.warehouse.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.registry.EntityRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurrentViewsTest {
  private final EntityRegistry registry = EntityRegistry.load();

  private static List<String> rows(Connection sql, String query) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Statement statement = sql.createStatement();
        ResultSet rs = statement.executeQuery(query)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  @Test
  void currentViewHoldsTheNewestStateOfEachIdWithoutDeletedIds(@TempDir Path root)
      throws Exception {
    LocalWarehouseLayout layout = new LocalWarehouseLayout(root);
    EntityTable table = EntityTable.of(registry.forTopic("user_v1").orElseThrow());
    LocalWarehouse.createTable(layout, table.dataset(), table.name(), table.columns());
    Path file =
        layout.tableDirectory("energy", "user_v1").resolve(LocalWarehouseLayout.newPartFileName());
    try (Connection writer = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = writer.createStatement()) {
      statement.execute(
          "COPY (SELECT * FROM (VALUES"
              + " ('e-1', 'CREATED', TIMESTAMPTZ '2026-11-23 10:00:00+00', 1::DECIMAL(38,9)),"
              + " ('e-2', 'UPDATED', TIMESTAMPTZ '2026-11-23 10:02:00+00', 1::DECIMAL(38,9)),"
              + " ('e-3', 'UPDATED', TIMESTAMPTZ '2026-11-23 10:01:00+00', 1::DECIMAL(38,9)),"
              + " ('e-4', 'CREATED', TIMESTAMPTZ '2026-11-23 10:00:00+00', 2::DECIMAL(38,9)),"
              + " ('e-5', 'DELETED', TIMESTAMPTZ '2026-11-23 10:01:00+00', 2::DECIMAL(38,9)))"
              + " AS t(event_id, operation, occurred_at, user_id)) TO '"
              + file
              + "' (FORMAT PARQUET)");
    }

    try (Connection sql = LocalWarehouse.open(root, registry)) {
      LocalWarehouse.createLatestViews(sql, registry);

      assertThat(rows(sql, "SELECT event_id FROM energy.user_v1_current ORDER BY event_id"))
          .containsExactly("e-2");
      assertThat(rows(sql, "SELECT event_id FROM energy.user_v1_latest ORDER BY event_id"))
          .containsExactly("e-2");
    }
  }

  @Test
  void everyContractEntityHasACurrentViewButTheSubjectKeysHaveNone(@TempDir Path root)
      throws Exception {
    try (Connection sql = LocalWarehouse.open(root, registry)) {
      LocalWarehouse.createLatestViews(sql, registry);

      List<String> expected =
          registry.entities().stream()
              .map(e -> e.dataset() + "." + e.tableName() + "_current")
              .sorted()
              .toList();
      assertThat(
              rows(
                  sql,
                  "SELECT table_schema || '.' || table_name FROM information_schema.tables"
                      + " WHERE table_name LIKE '%\\_current' ESCAPE '\\' ORDER BY 1"))
          .containsExactlyElementsOf(expected);
    }
  }
}
