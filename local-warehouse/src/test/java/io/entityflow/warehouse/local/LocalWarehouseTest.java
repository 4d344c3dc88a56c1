package io.entityflow.warehouse.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalWarehouseTest {
  private final EntityRegistry registry = EntityRegistry.load();

  @Test
  void everyEntityHasAViewWithTheContractColumnsBeforeItsFirstRow(@TempDir Path root)
      throws Exception {
    try (Connection sql = LocalWarehouse.open(root, registry);
        Statement statement = sql.createStatement();
        ResultSet rs = statement.executeQuery("SELECT * FROM retail.sale_v1")) {
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        columns.add(rs.getMetaData().getColumnName(i));
      }
      EntityDefinition sale = registry.forTopic("sale_v1").orElseThrow();
      assertThat(columns)
          .containsExactlyElementsOf(
              EntityTable.of(sale).columns().stream().map(c -> c.name()).toList());
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void piiColumnsAreBlobsAndTheSubjectKeyTableHasAView(@TempDir Path root) throws Exception {
    try (Connection sql = LocalWarehouse.open(root, registry);
        Statement statement = sql.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT column_name || ' ' || data_type FROM information_schema.columns"
                    + " WHERE (table_schema = 'retail' AND table_name = 'customer_v1'"
                    + " AND column_name IN ('customer_id', 'email', 'phone'))"
                    + " OR (table_schema = 'entityflow' AND table_name = 'subject_key_v1'"
                    + " AND column_name IN ('subject_id', 'wrapped_keyset'))"
                    + " ORDER BY table_name, ordinal_position")) {
      List<String> columns = new ArrayList<>();
      while (rs.next()) {
        columns.add(rs.getString(1));
      }
      assertThat(columns)
          .containsExactly(
              "customer_id VARCHAR",
              "email BLOB",
              "phone BLOB",
              "subject_id VARCHAR",
              "wrapped_keyset BLOB");
    }
  }

  @Test
  void rowsWrittenByAnotherConnectionAreVisibleToANewReader(@TempDir Path root) throws Exception {
    LocalWarehouseLayout layout = new LocalWarehouseLayout(root);
    EntityTable table = EntityTable.of(registry.forTopic("user_v1").orElseThrow());
    LocalWarehouse.createTable(layout, table.dataset(), table.name(), table.columns());
    Path file =
        layout.tableDirectory("energy", "user_v1").resolve(LocalWarehouseLayout.newPartFileName());
    try (Connection writer = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = writer.createStatement()) {
      statement.execute(
          "COPY (SELECT 'e-1' AS event_id, 'CREATED' AS operation, TIMESTAMPTZ '2026-11-23"
              + " 10:00:00+00' AS occurred_at, 18446744073709551615::DECIMAL(38,9) AS user_id) TO '"
              + file
              + "' (FORMAT PARQUET)");
    }

    try (Connection sql = LocalWarehouse.open(root, registry);
        Statement statement = sql.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT event_id, operation, user_id::VARCHAR, email FROM energy.user_v1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("e-1");
      assertThat(rs.getString(2)).isEqualTo("CREATED");
      assertThat(rs.getString(3)).isEqualTo("18446744073709551615.000000000");
      assertThat(rs.getString(4)).isNull();
      assertThat(rs.next()).isFalse();
    }
  }
}
