package io.entityflow.pipelines.deadletter;

import io.entityflow.contract.bigquery.BigQueryType;
import io.entityflow.contract.bigquery.ColumnMode;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.options.Sensitivity;
import io.entityflow.warehouse.local.LocalWarehouseLayout;
import java.util.List;

/**
 * The dead-letter table {@code entityflow.dead_letter}: its columns, defined once for BigQuery and
 * the local warehouse, and its partitioning (DAY on {@code failed_at}).
 *
 * <pre>{@code
 * EntityTableSchemas.tableSchema(DeadLetterTable.COLUMNS); // the BigQuery schema
 * }</pre>
 */
public final class DeadLetterTable {
  /** Dataset of the table. */
  public static final String DATASET = LocalWarehouseLayout.SYSTEM_DATASET;

  /** Name of the table. */
  public static final String TABLE = LocalWarehouseLayout.DEAD_LETTER_TABLE;

  /** Namespace of the per-kind Beam counters. */
  public static final String METRICS_NAMESPACE = "entityflow.dead_letter";

  public static final String FAILED_AT = "failed_at";
  public static final String ERROR_KIND = "error_kind";
  public static final String ERROR_MESSAGE = "error_message";
  public static final String SOURCE_TOPIC = "source_topic";
  public static final String MESSAGE_ID = "message_id";
  public static final String PUBLISH_TIME = "publish_time";
  public static final String ATTRIBUTES = "attributes";
  public static final String PAYLOAD = "payload";

  /** The columns, in table order. */
  public static final List<TableColumn> COLUMNS =
      List.of(
          column(FAILED_AT, BigQueryType.TIMESTAMP, ColumnMode.REQUIRED, "When the write failed."),
          column(ERROR_KIND, BigQueryType.STRING, ColumnMode.REQUIRED, "DeadLetterKind name."),
          column(ERROR_MESSAGE, BigQueryType.STRING, ColumnMode.REQUIRED, "What was wrong."),
          column(SOURCE_TOPIC, BigQueryType.STRING, ColumnMode.REQUIRED, "Topic read from."),
          column(MESSAGE_ID, BigQueryType.STRING, ColumnMode.NULLABLE, "Pub/Sub message id."),
          column(
              PUBLISH_TIME, BigQueryType.TIMESTAMP, ColumnMode.NULLABLE, "Pub/Sub publish time."),
          column(ATTRIBUTES, BigQueryType.JSON, ColumnMode.NULLABLE, "All message attributes."),
          column(PAYLOAD, BigQueryType.BYTES, ColumnMode.NULLABLE, "The raw payload bytes."));

  private DeadLetterTable() {}

  private static TableColumn column(
      String name, BigQueryType type, ColumnMode mode, String description) {
    return TableColumn.pipelineColumn(name, type, mode, description, Sensitivity.CONFIDENTIAL);
  }
}
