/**
 * Pipeline options, as small interfaces composed per pipeline: {@link
 * io.entityflow.pipelines.options.EntitySourceOptions} (entities, subscriptions), {@link
 * io.entityflow.pipelines.options.WarehouseOptions} (BigQuery or local, dead letters, heartbeat),
 * {@link io.entityflow.pipelines.options.BigQuerySinkOptions} (project, datasets, write method),
 * {@link io.entityflow.pipelines.options.OpenLineageOptions} (where run events go).
 *
 * <pre>{@code
 * --entities=Sale --warehouse=LOCAL --warehouseDir=/tmp/wh
 * }</pre>
 */
package io.entityflow.pipelines.options;
