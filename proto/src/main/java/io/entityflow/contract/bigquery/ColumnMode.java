package io.entityflow.contract.bigquery;

/** BigQuery column modes. */
public enum ColumnMode {
  /** May be NULL. Every entity column that is not repeated. */
  NULLABLE,
  /** Never NULL. Only the metadata columns every event has. */
  REQUIRED,
  /** An ARRAY; proto repeated fields and maps. */
  REPEATED
}
