package io.entityflow.pipelines.heartbeat;

import io.entityflow.contract.bigquery.BigQueryType;
import io.entityflow.contract.bigquery.ColumnMode;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.options.Sensitivity;
import io.entityflow.warehouse.local.LocalWarehouseLayout;
import java.util.List;

/**
 * The heartbeat table {@code entityflow.pipeline_heartbeat}: one row per pipeline and period, also
 * when no events arrive. The alerting service reads {@code max(ingested_through)} to know up to
 * which time the tables are complete.
 *
 * <pre>{@code
 * SELECT max(ingested_through) FROM entityflow.pipeline_heartbeat WHERE pipeline = 'local'
 * }</pre>
 */
public final class HeartbeatTable {
  /** Dataset of the table. */
  public static final String DATASET = LocalWarehouseLayout.SYSTEM_DATASET;

  /** Name of the table. */
  public static final String TABLE = LocalWarehouseLayout.HEARTBEAT_TABLE;

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

  private static TableColumn column(String name, BigQueryType type, String description) {
    return TableColumn.pipelineColumn(
        name, type, ColumnMode.REQUIRED, description, Sensitivity.INTERNAL);
  }
}
