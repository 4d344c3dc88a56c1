package io.entityflow.pipelines.sql;

import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.LatestViewSql;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.warehouse.local.DuckDbTypes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <table>_latest} views of every entity (latest state per id; DELETED removes the id;
 * duplicates by event id ignored), from the contract's {@link LatestViewSql}: DDL for BigQuery, and
 * the views themselves on a local-warehouse connection.
 *
 * <pre>{@code
 * try (Connection sql = LocalWarehouse.open(root, registry)) {
 *   LatestViews.createLocal(sql, registry);
 *   sql.createStatement().executeQuery("SELECT * FROM retail.sale_v1_latest");
 * }
 * List<String> ddl = LatestViews.bigQueryDdl(registry, "acme-analytics", "");
 * }</pre>
 */
public final class LatestViews {
  private LatestViews() {}

  /** Creates (or replaces) the latest view of every entity on a local-warehouse connection. */
  public static void createLocal(Connection connection, EntityRegistry registry)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (EntityDefinition entity : registry.entities()) {
        EntityTable table = EntityTable.of(entity);
        statement.execute(
            "CREATE OR REPLACE VIEW "
                + DuckDbTypes.quote(table.dataset())
                + "."
                + DuckDbTypes.quote(LatestViewSql.viewName(table))
                + " AS "
                + LatestViewSql.duckDb(table));
      }
    }
  }

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
