package io.entityflow.pipelines.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.retail.sale.v1.Sale;
import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.contract.EventAttributes;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.events.EntityEventParser;
import io.entityflow.pipelines.warehouse.ParquetPartWriter;
import io.entityflow.pipelines.warehouse.TableCatalog;
import io.entityflow.warehouse.local.LocalWarehouse;
import io.entityflow.warehouse.local.LocalWarehouseLayout;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatestViewsTest {
  private static final EntityRegistry REGISTRY = EntityRegistry.load();
  private static final EntityDefinition SALE = REGISTRY.forTopic("sale_v1").orElseThrow();

  private static TableRow event(
      String saleId,
      String store,
      String eventId,
      String operation,
      String occurredAt,
      String ingested)
      throws Exception {
    return EntityEventParser.of(SALE)
        .parse(
            Sale.newBuilder().setSaleId(saleId).setStoreId(store).build().toByteArray(),
            Map.of(
                EventAttributes.EVENT_ID, eventId,
                EventAttributes.OPERATION, operation,
                EventAttributes.OCCURRED_AT, occurredAt),
            "m-" + eventId + "-" + ingested,
            Instant.parse(occurredAt),
            Instant.parse(ingested));
  }

  @Test
  void latestViewKeepsTheNewestStatePerIdDropsDeletedIdsAndIgnoresDuplicates(@TempDir Path root)
      throws Exception {
    List<TableRow> history = new ArrayList<>();
    history.add(
        event("s-1", "v1", "e1", "CREATED", "2026-11-23T10:00:00Z", "2026-11-23T10:00:01Z"));
    history.add(
        event("s-1", "v2", "e2", "UPDATED", "2026-11-23T11:00:00Z", "2026-11-23T11:00:01Z"));
    history.add(
        event("s-1", "v2", "e2", "UPDATED", "2026-11-23T11:00:00Z", "2026-11-23T11:05:00Z"));
    history.add(
        event("s-2", "v1", "e3", "CREATED", "2026-11-23T10:00:00Z", "2026-11-23T10:00:01Z"));
    history.add(
        event("s-2", "v1", "e4", "DELETED", "2026-11-23T12:00:00Z", "2026-11-23T12:00:01Z"));
    history.add(
        event("s-3", "v3", "e5", "UPDATED", "2026-11-23T13:00:00Z", "2026-11-23T13:00:01Z"));
    history.add(
        event("s-3", "v0", "e6", "CREATED", "2026-11-23T09:00:00Z", "2026-11-23T14:00:00Z"));
    LocalWarehouseLayout layout = new LocalWarehouseLayout(root);
    try (ParquetPartWriter writer = ParquetPartWriter.open(layout)) {
      writer.write(
          "retail",
          "sale_v1",
          TableCatalog.of(REGISTRY).columns("retail.sale_v1").orElseThrow(),
          history.subList(0, 3));
      writer.write(
          "retail",
          "sale_v1",
          TableCatalog.of(REGISTRY).columns("retail.sale_v1").orElseThrow(),
          history.subList(3, history.size()));
    }

    List<String> latest = new ArrayList<>();
    try (Connection sql = LocalWarehouse.open(root, REGISTRY)) {
      io.entityflow.warehouse.local.LocalWarehouse.createLatestViews(sql, REGISTRY);
      try (Statement statement = sql.createStatement();
          ResultSet rs =
              statement.executeQuery(
                  "SELECT sale_id, store_id, event_id, operation FROM retail.sale_v1_latest"
                      + " ORDER BY sale_id")) {
        while (rs.next()) {
          latest.add(
              rs.getString(1)
                  + " "
                  + rs.getString(2)
                  + " "
                  + rs.getString(3)
                  + " "
                  + rs.getString(4));
        }
      }
      try (Statement statement = sql.createStatement();
          ResultSet rs = statement.executeQuery("SELECT count(*) FROM energy.user_v1_latest")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
    assertThat(latest).containsExactly("s-1 v2 e2 UPDATED", "s-3 v3 e5 UPDATED");
  }

  @Test
  void bigQueryDdlCreatesOneLatestViewPerEntityInThePrefixedDataset() {
    List<String> ddl = LatestViews.bigQueryDdl(REGISTRY, "acme-analytics", "prod_");

    assertThat(ddl).hasSize(REGISTRY.entities().size());
    assertThat(ddl)
        .contains(
            "CREATE OR REPLACE VIEW `acme-analytics.prod_retail.sale_v1_latest` AS\n"
                + "SELECT * EXCEPT (entityflow_rank)\n"
                + "FROM (\n"
                + "  SELECT *, ROW_NUMBER() OVER (\n"
                + "    PARTITION BY `sale_id`\n"
                + "    ORDER BY occurred_at DESC, publish_time DESC, ingestion_time DESC, event_id"
                + " DESC\n"
                + "  ) AS entityflow_rank\n"
                + "  FROM `acme-analytics.prod_retail.sale_v1`\n"
                + ")\n"
                + "WHERE entityflow_rank = 1 AND operation != 'DELETED'");
  }
}
