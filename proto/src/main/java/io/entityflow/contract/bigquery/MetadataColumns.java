package io.entityflow.contract.bigquery;

import io.entityflow.contract.options.Sensitivity;
import java.util.List;
import java.util.Locale;

/**
 * The metadata columns every entity table starts with, filled from the Pub/Sub message rather than
 * the payload. Entity fields may not use these names.
 */
public final class MetadataColumns {
  /** Event id (UUID) from the {@code event_id} attribute; the deduplication key. */
  public static final String EVENT_ID = "event_id";

  /** CREATED, UPDATED, DELETED or SNAPSHOT from the {@code operation} attribute. */
  public static final String OPERATION = "operation";

  /** When the change happened, from the {@code occurred_at} attribute; the partitioning column. */
  public static final String OCCURRED_AT = "occurred_at";

  /** When Pub/Sub accepted the message. */
  public static final String PUBLISH_TIME = "publish_time";

  /** The producing service, from the {@code producer} attribute. */
  public static final String PRODUCER = "producer";

  /**
   * {@code <major>.<revision>} of the producer's contract, from the {@code schema_version}
   * attribute.
   */
  public static final String SCHEMA_VERSION = "schema_version";

  /** The Pub/Sub message id. */
  public static final String MESSAGE_ID = "message_id";

  /** When the pipeline wrote the row. */
  public static final String INGESTION_TIME = "ingestion_time";

  /**
   * The W3C trace id (32 lower-case hex digits) of the producer's span, from the {@code
   * traceparent} attribute; null when the event carried no (valid) trace context. Last of the
   * metadata columns, so it was appended to existing tables.
   */
  public static final String TRACE_ID = "trace_id";

  /** The metadata columns, in table order. */
  public static final List<TableColumn> COLUMNS =
      List.of(
          column(
              EVENT_ID,
              BigQueryType.STRING,
              ColumnMode.REQUIRED,
              "Event id (UUID) chosen by the producer; duplicates of an event share it."),
          column(
              OPERATION,
              BigQueryType.STRING,
              ColumnMode.REQUIRED,
              "Change operation: CREATED, UPDATED, DELETED or SNAPSHOT."),
          column(
              OCCURRED_AT,
              BigQueryType.TIMESTAMP,
              ColumnMode.REQUIRED,
              "When the change happened in the producing service (UTC). Partitioning column."),
          column(
              PUBLISH_TIME,
              BigQueryType.TIMESTAMP,
              ColumnMode.NULLABLE,
              "When Pub/Sub accepted the event."),
          column(
              PRODUCER,
              BigQueryType.STRING,
              ColumnMode.NULLABLE,
              "Name of the service that published the event."),
          column(
              SCHEMA_VERSION,
              BigQueryType.STRING,
              ColumnMode.NULLABLE,
              "Contract version <major>.<revision> the producer used."),
          column(MESSAGE_ID, BigQueryType.STRING, ColumnMode.NULLABLE, "Pub/Sub message id."),
          column(
              INGESTION_TIME,
              BigQueryType.TIMESTAMP,
              ColumnMode.NULLABLE,
              "When the pipeline wrote the row."),
          column(
              TRACE_ID,
              BigQueryType.STRING,
              ColumnMode.NULLABLE,
              "W3C trace id of the publish span (from the traceparent attribute), if any."));

  /** Column name prefixes BigQuery reserves, upper case. Entity fields may not start with them. */
  public static final List<String> RESERVED_PREFIXES =
      List.of(
          "_TABLE_",
          "_FILE_",
          "_PARTITION",
          "_ROW_TIMESTAMP",
          "__ROOT__",
          "_COLLATION_",
          "_CHANGE_");

  private MetadataColumns() {}

  /** Whether an entity's top-level field may not use this name (metadata or BigQuery reserved). */
  public static boolean isReserved(String fieldName) {
    String upper = fieldName.toUpperCase(Locale.ROOT);
    return COLUMNS.stream().anyMatch(c -> c.name().equalsIgnoreCase(fieldName))
        || RESERVED_PREFIXES.stream().anyMatch(upper::startsWith);
  }

  private static TableColumn column(
      String name, BigQueryType type, ColumnMode mode, String description) {
    return TableColumn.pipelineColumn(name, type, mode, description, Sensitivity.INTERNAL);
  }
}
