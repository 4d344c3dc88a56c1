/**
 * BigQuery side of the pipeline: the Storage Write API sink with dynamic destinations ({@link
 * io.entityflow.pipelines.bigquery.WriteToBigQuery}), table models ({@link
 * io.entityflow.pipelines.bigquery.BigQuerySchemas}) and start-up provisioning with additive schema
 * evolution ({@link io.entityflow.pipelines.bigquery.TableProvisioner}).
 *
 * <pre>{@code
 * rows.apply(WriteToBigQuery.toProject("acme-analytics"));
 * }</pre>
 */
package io.entityflow.pipelines.bigquery;
