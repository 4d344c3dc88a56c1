/**
 * The local-warehouse writer: rows batched per table become immutable Parquet files in the layout
 * of {@link io.entityflow.warehouse.local.LocalWarehouseLayout}, written with an in-process DuckDB.
 *
 * <pre>{@code
 * rows.apply(WriteToLocalWarehouse.to(Path.of(".entityflow/warehouse")));
 * }</pre>
 */
package io.entityflow.pipelines.warehouse;
