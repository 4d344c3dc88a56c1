package io.entityflow.contract.bigquery;

/**
 * BigQuery column types the mapping produces, by their JSON-schema (legacy) name, with the
 * GoogleSQL name used in DDL.
 */
public enum BigQueryType {
  STRING("STRING"),
  BYTES("BYTES"),
  INTEGER("INT64"),
  FLOAT("FLOAT64"),
  NUMERIC("NUMERIC"),
  BOOLEAN("BOOL"),
  TIMESTAMP("TIMESTAMP"),
  JSON("JSON"),
  RECORD("STRUCT");

  private final String sqlName;

  BigQueryType(String sqlName) {
    this.sqlName = sqlName;
  }

  /** The GoogleSQL type name, e.g. {@code INT64} for {@link #INTEGER}. */
  public String sqlName() {
    return sqlName;
  }
}
