package io.entityflow.pipelines.options;

/** Where the pipeline writes its tables. */
public enum WarehouseKind {
  /** BigQuery datasets and tables. */
  BIGQUERY,
  /** The local warehouse: Parquet files per table under {@code --warehouseDir}. */
  LOCAL
}
