/**
 * The local warehouse: every table is a directory of immutable Parquet files under one root ({@code
 * <root>/<dataset>/<table>/*.parquet}); readers open an in-memory DuckDB with one view per table,
 * so any number of processes can query while the pipeline appends.
 *
 * <pre>{@code
 * try (Connection sql = LocalWarehouse.open(root, EntityRegistry.load())) {
 *   sql.createStatement().executeQuery("SELECT count(*) FROM retail.sale_v1");
 * }
 * }</pre>
 */
package io.entityflow.warehouse.local;
