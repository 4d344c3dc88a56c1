package io.entityflow.testing.bigquery;

/**
 * The BigQuery rules {@link BigQueryRules} enforces, each with the documentation section it comes
 * from. The id appears in every violation message as {@code [id]}.
 *
 * <pre>{@code
 * Rule.PARTITION_COLUMN_TYPE.id();     // "partition-column-type"
 * Rule.PARTITION_COLUMN_TYPE.source(); // "https://cloud.google.com/bigquery/docs/partitioned-tables#..."
 * }</pre>
 */
public enum Rule {
  /**
   * Table names: 1 to 1,024 UTF-8 bytes of Unicode letters (L), marks (M), numbers (N), connectors
   * (Pc, including underscore), dashes (Pd) and spaces (Zs); no decorator ({@code $}) on create.
   */
  TABLE_NAME("table-name", "https://cloud.google.com/bigquery/docs/tables#table_naming"),
  /** Dataset names: 1 to 1,024 characters of letters, numbers and underscores. */
  DATASET_NAME("dataset-name", "https://cloud.google.com/bigquery/docs/datasets#dataset-naming"),
  /** A table description has at most 16,384 characters. */
  TABLE_DESCRIPTION("table-description", "https://cloud.google.com/bigquery/quotas#table_limits"),
  /** A table has at most 10,000 columns. */
  COLUMN_COUNT("column-count", "https://cloud.google.com/bigquery/quotas#table_limits"),
  /**
   * Column names: letters, numbers and underscores, starting with a letter or underscore. Flexible
   * column names (other characters, a leading digit) are not accepted here: the project writes with
   * the Storage Write API (gRPC), where they need special handling.
   */
  COLUMN_NAME("column-name", "https://cloud.google.com/bigquery/docs/schemas#column_names"),
  /** Column names have at most 300 characters. */
  COLUMN_NAME_LENGTH(
      "column-name-length", "https://cloud.google.com/bigquery/docs/schemas#column_names"),
  /** Column names may not start with a reserved prefix (case-insensitive). */
  COLUMN_NAME_RESERVED(
      "column-name-reserved", "https://cloud.google.com/bigquery/docs/schemas#column_names"),
  /** Column names are unique within a table or RECORD, ignoring case. */
  COLUMN_NAME_DUPLICATE(
      "column-name-duplicate", "https://cloud.google.com/bigquery/docs/schemas#column_names"),
  /** A column description has at most 1,024 characters. */
  COLUMN_DESCRIPTION(
      "column-description", "https://cloud.google.com/bigquery/docs/schemas#column_descriptions"),
  /** A column type is one of the type names of the REST API's TableFieldSchema. */
  COLUMN_TYPE(
      "column-type",
      "https://cloud.google.com/bigquery/docs/reference/rest/v2/tables#TableFieldSchema.FIELDS.type"),
  /** A column mode is NULLABLE (the default), REQUIRED or REPEATED. */
  COLUMN_MODE("column-mode", "https://cloud.google.com/bigquery/docs/schemas#modes"),
  /** A RECORD has at least one field; only a RECORD has fields. */
  RECORD_FIELDS(
      "record-fields",
      "https://cloud.google.com/bigquery/docs/schemas#nested_and_repeated_columns"),
  /** RECORDs nest at most 15 levels deep. */
  NESTING_DEPTH(
      "nesting-depth", "https://cloud.google.com/bigquery/docs/nested-repeated#limitations"),
  /** Policy tags go on leaf columns only, never on a RECORD. */
  POLICY_TAG_LEAF(
      "policy-tag-leaf",
      "https://cloud.google.com/bigquery/docs/column-level-security#limitations"),
  /** Time partitioning type is DAY, HOUR, MONTH or YEAR. */
  PARTITION_TYPE(
      "partition-type",
      "https://cloud.google.com/bigquery/docs/partitioned-tables#date_timestamp_partitioned_tables"),
  /** The partitioning column exists at the top level and is not REPEATED. */
  PARTITION_COLUMN(
      "partition-column",
      "https://cloud.google.com/bigquery/docs/reference/rest/v2/tables#TimePartitioning.FIELDS.field"),
  /**
   * A time partitioning column is TIMESTAMP, DATE or DATETIME (DATE not by HOUR); an integer-range
   * partitioning column is INTEGER.
   */
  PARTITION_COLUMN_TYPE(
      "partition-column-type",
      "https://cloud.google.com/bigquery/docs/partitioned-tables#date_timestamp_partitioned_tables"),
  /** Integer ranges: start below end, a positive interval, at most 10,000 partitions. */
  PARTITION_RANGE(
      "partition-range", "https://cloud.google.com/bigquery/docs/partitioned-tables#integer_range"),
  /** A table has one partitioning: by time or by integer range. */
  PARTITION_ONE("partition-one", "https://cloud.google.com/bigquery/docs/partitioned-tables"),
  /** At most four clustering columns, each named once. */
  CLUSTERING_COUNT(
      "clustering-count", "https://cloud.google.com/bigquery/docs/clustered-tables#limitations"),
  /**
   * Clustering columns are top-level, non-repeated columns of type BIGNUMERIC, BOOL, DATE,
   * DATETIME, GEOGRAPHY, INT64, NUMERIC, RANGE, STRING or TIMESTAMP.
   */
  CLUSTERING_COLUMN(
      "clustering-column", "https://cloud.google.com/bigquery/docs/clustered-tables#limitations"),
  /** Schema changes add NULLABLE or REPEATED columns only (also inside existing RECORDs). */
  SCHEMA_ADD_COLUMN(
      "schema-add-column",
      "https://cloud.google.com/bigquery/docs/managing-table-schemas#add_columns"),
  /** Existing columns are never removed or renamed by a schema update. */
  SCHEMA_KEEP_COLUMN(
      "schema-keep-column", "https://cloud.google.com/bigquery/docs/managing-table-schemas"),
  /** A schema update keeps a column's type. */
  SCHEMA_TYPE_CHANGE(
      "schema-type-change", "https://cloud.google.com/bigquery/docs/managing-table-schemas"),
  /** The only mode change is REQUIRED to NULLABLE. */
  SCHEMA_MODE_CHANGE(
      "schema-mode-change",
      "https://cloud.google.com/bigquery/docs/managing-table-schemas#change_a_columns_mode"),
  /** A table's partitioning can't be changed once created. */
  SCHEMA_PARTITIONING_CHANGE(
      "schema-partitioning-change",
      "https://cloud.google.com/bigquery/docs/managing-partitioned-tables"),
  /** A row has no column its table lacks. */
  ROW_UNKNOWN_FIELD(
      "row-unknown-field",
      "https://cloud.google.com/bigquery/docs/reference/rest/v2/tabledata/insertAll"),
  /** A REQUIRED column has a non-null value in every row. */
  ROW_REQUIRED("row-required", "https://cloud.google.com/bigquery/docs/schemas#modes"),
  /** A REPEATED value is a list without null elements; a RECORD value is a map. */
  ROW_SHAPE("row-shape", "https://cloud.google.com/bigquery/docs/nested-repeated#limitations"),
  /** A value has the format of its column's type and lies in the type's range. */
  ROW_VALUE(
      "row-value", "https://cloud.google.com/bigquery/docs/reference/standard-sql/data-types"),
  /** A row is at most 10 MB (streaming inserts and Storage Write API requests). */
  ROW_SIZE("row-size", "https://cloud.google.com/bigquery/quotas#streaming_inserts"),
  /** A streaming insert request has at most 50,000 rows and 10 MB. */
  INSERT_REQUEST("insert-request", "https://cloud.google.com/bigquery/quotas#streaming_inserts"),
  /** A Storage Write API AppendRows request is at most 10 MB. */
  APPEND_REQUEST("append-request", "https://cloud.google.com/bigquery/quotas#write-api-limits");

  private final String id;
  private final String source;

  Rule(String id, String source) {
    this.id = id;
    this.source = source;
  }

  /** The short id shown in messages, e.g. {@code partition-column-type}. */
  public String id() {
    return id;
  }

  /** The documentation section the rule comes from. */
  public String source() {
    return source;
  }
}
