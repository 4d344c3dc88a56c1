package io.entityflow.pipelines.sql;

import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.LatestViewSql;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <table>_latest} views of every entity (latest state per id; DELETED removes the id;
 * duplicates by event id ignored), from the contract's {@link LatestViewSql}: DDL for BigQuery, and
 * the views themselves on a local-warehouse connection.
 *
 * <pre>{@code
 * try (Connection sql = LocalWarehouse.open(root, registry)) {
 *   LocalWarehouse.createLatestViews(sql, registry); // the local warehouse's views
 *   sql.createStatement().executeQuery("SELECT * FROM retail.sale_v1_latest");
 * }
 * List<String> ddl = LatestViews.bigQueryDdl(registry, "acme-analytics", "");
 * }</pre>
 */
public final class LatestViews {
  private LatestViews() {}

  /** {@code CREATE OR REPLACE VIEW} statements for BigQuery, datasets {@code prefix + domain}. */
  public static List<String> bigQueryDdl(
      EntityRegistry registry, String project, String datasetPrefix) {
    List<String> statements = new ArrayList<>();
    for (EntityDefinition entity : registry.entities()) {
      EntityTable base = EntityTable.of(entity);
      EntityTable table =
          new EntityTable(
              datasetPrefix + base.dataset(),
              base.name(),
              base.description(),
              base.columns(),
              base.partitionField(),
              base.clusteringFields());
      statements.add(
          "CREATE OR REPLACE VIEW `"
              + project
              + "."
              + table.dataset()
              + "."
              + LatestViewSql.viewName(table)
              + "` AS\n"
              + LatestViewSql.bigQuery(table, project));
    }
    return statements;
  }
}
