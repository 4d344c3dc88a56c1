package io.entityflow.contract.layout;

import io.entityflow.contract.bigquery.BigQueryType;
import io.entityflow.contract.bigquery.ColumnMode;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.options.Sensitivity;
import java.util.List;

/**
 * The heartbeat table {@code entityflow.pipeline_heartbeat}: one row per pipeline and period, also
 * when no events arrive. The alerting service reads {@code max(ingested_through)} to know up to
 * which time the tables are complete. Partitioned by day on {@code written_at}.
 *
 * <pre>{@code
 * SELECT max(ingested_through) FROM entityflow.pipeline_heartbeat WHERE pipeline = 'local'
 * }</pre>
 */
public final class HeartbeatTable {
  /** Name of the table, in {@link PhysicalLayout#SYSTEM_DATASET}. */
  public static final String TABLE = "pipeline_heartbeat";

  /** The table's description. */
  public static final String DESCRIPTION =
      "Periodic heartbeat of the pipeline: every event published before ingested_through is"
          + " written.";

  public static final String PIPELINE = "pipeline";
  public static final String INGESTED_THROUGH = "ingested_through";
  public static final String WRITTEN_AT = "written_at";

  /** The columns, in table order. */
  public static final List<TableColumn> COLUMNS =
      List.of(
          column(PIPELINE, BigQueryType.STRING, "Name of the pipeline (--pipelineName)."),
          column(
              INGESTED_THROUGH,
              BigQueryType.TIMESTAMP,
              "Every event published before this time has been written."),
          column(WRITTEN_AT, BigQueryType.TIMESTAMP, "When the heartbeat was written."));

  private HeartbeatTable() {}

  /** The table: DAY partitioned on {@code written_at}, clustered by pipeline. */
  public static TableDefinition definition() {
    return new TableDefinition(
        TableKind.HEARTBEAT,
        PhysicalLayout.SYSTEM_DATASET,
        TABLE,
        DESCRIPTION,
        COLUMNS,
        WRITTEN_AT,
        List.of(PIPELINE));
  }

  private static TableColumn column(String name, BigQueryType type, String description) {
    return TableColumn.pipelineColumn(
        name, type, ColumnMode.REQUIRED, description, Sensitivity.INTERNAL);
  }
}
