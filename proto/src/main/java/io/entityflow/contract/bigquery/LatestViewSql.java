package io.entityflow.contract.bigquery;

/**
 * The SQL of an entity's {@code <table>_latest} view: the latest state of every id, without ids
 * whose latest event is DELETED. Redelivered duplicates of an event carry the event's own
 * occurred-at, so they never displace a newer state: ranking the history by occurred-at (then
 * publish time, ingestion time, event id) picks exactly one row per id.
 *
 * <pre>{@code
 * String sql = LatestViewSql.bigQuery(table, "my-project", "retail");   // CREATE VIEW body for BigQuery
 * String local = LatestViewSql.duckDb(table);                  // same query for the local warehouse
 * String masked = LatestViewSql.bigQueryOver(table, "`retail.sale_v1_masked`"); // over a view
 * }</pre>
 */
public final class LatestViewSql {
  /** Suffix of the view name: {@code sale_v1_latest}. */
  public static final String SUFFIX = "_latest";

  private LatestViewSql() {}

  /** The view's name. */
  public static String viewName(EntityTable table) {
    return table.name() + SUFFIX;
  }

  /**
   * The view query in GoogleSQL, reading {@code `project.datasetId.table`}; {@code datasetId} is
   * the deployed dataset (with any prefix).
   */
  public static String bigQuery(EntityTable table, String project, String datasetId) {
    return query(
        table,
        "`" + project + "." + datasetId + "." + table.name() + "`",
        "`" + table.clusteringFields().get(0) + "`",
        "EXCEPT");
  }

  /**
   * The same query in GoogleSQL over any relation with the table's columns, e.g. its masked view
   * {@code `retail.customer_v1_masked`} (a LookML derived table of the latest state of each id).
   */
  public static String bigQueryOver(EntityTable table, String relation) {
    return query(table, relation, "`" + table.clusteringFields().get(0) + "`", "EXCEPT");
  }

  /** The view query in DuckDB SQL, reading {@code "dataset"."table"}. */
  public static String duckDb(EntityTable table) {
    return query(
        table,
        "\"" + table.dataset() + "\".\"" + table.name() + "\"",
        "\"" + table.clusteringFields().get(0) + "\"",
        "EXCLUDE");
  }

  private static String query(EntityTable table, String source, String id, String except) {
    return "SELECT * "
        + except
        + " (entityflow_rank)\n"
        + "FROM (\n"
        + "  SELECT *, ROW_NUMBER() OVER (\n"
        + "    PARTITION BY "
        + id
        + "\n"
        + "    ORDER BY occurred_at DESC, publish_time DESC, ingestion_time DESC, event_id DESC\n"
        + "  ) AS entityflow_rank\n"
        + "  FROM "
        + source
        + "\n"
        + ")\n"
        + "WHERE entityflow_rank = 1 AND operation != 'DELETED'";
  }
}
