/**
 * The local-warehouse writer: each bundle's rows are staged durably as NDJSON lines per table
 * ({@link io.entityflow.pipelines.warehouse.LocalStagingWriter}), and converted every flush into
 * immutable Parquet files in the layout of {@link
 * io.entityflow.warehouse.local.LocalWarehouseLayout}, written with an in-process DuckDB.
 *
 * <pre>{@code
 * rows.apply(WriteToLocalWarehouse.to(Path.of(".entityflow/warehouse")));
 * }</pre>
 */
package io.entityflow.pipelines.warehouse;
