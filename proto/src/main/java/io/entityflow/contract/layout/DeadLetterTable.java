package io.entityflow.contract.layout;

import io.entityflow.contract.bigquery.BigQueryType;
import io.entityflow.contract.bigquery.ColumnMode;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.options.Sensitivity;
import java.util.List;

/**
 * The dead-letter table {@code entityflow.dead_letter}: messages and rows the pipeline could not
 * write, with the reason and the original payload. Its columns are defined here once, for BigQuery,
 * Terraform and the local warehouse; it is partitioned by day on {@code failed_at}.
 *
 * <pre>{@code
 * TableDefinition table = DeadLetterTable.definition();
 * table.columns().get(0).name(); // "failed_at"
 * }</pre>
 */
public final class DeadLetterTable {
  /** Name of the table, in {@link PhysicalLayout#SYSTEM_DATASET}. */
  public static final String TABLE = "dead_letter";

  /** The table's description. */
  public static final String DESCRIPTION =
      "Messages the pipeline could not write, with the error and the original payload.";

  public static final String FAILED_AT = "failed_at";
  public static final String ERROR_KIND = "error_kind";
  public static final String ERROR_MESSAGE = "error_message";
  public static final String SOURCE_TOPIC = "source_topic";
  public static final String MESSAGE_ID = "message_id";
  public static final String PUBLISH_TIME = "publish_time";
  public static final String ATTRIBUTES = "attributes";
  public static final String PAYLOAD = "payload";

  /** The W3C trace id of the message's {@code traceparent} attribute, if any. */
  public static final String TRACE_ID = "trace_id";

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
          column(PAYLOAD, BigQueryType.BYTES, ColumnMode.NULLABLE, "The raw payload bytes."),
          column(
              TRACE_ID,
              BigQueryType.STRING,
              ColumnMode.NULLABLE,
              "W3C trace id of the message's traceparent attribute, if any."));

  private DeadLetterTable() {}

  /** The table: DAY partitioned on {@code failed_at}, clustered by error kind and source topic. */
  public static TableDefinition definition() {
    return new TableDefinition(
        TableKind.DEAD_LETTER,
        PhysicalLayout.SYSTEM_DATASET,
        TABLE,
        DESCRIPTION,
        COLUMNS,
        FAILED_AT,
        List.of(SOURCE_TOPIC, ERROR_KIND));
  }

  private static TableColumn column(
      String name, BigQueryType type, ColumnMode mode, String description) {
    return TableColumn.pipelineColumn(name, type, mode, description, Sensitivity.CONFIDENTIAL);
  }
}
