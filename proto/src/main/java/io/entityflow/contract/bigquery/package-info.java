/**
 * The one proto to BigQuery mapping: message descriptors to table columns, metadata columns,
 * partitioning and clustering, and the JSON schema files {@code bq mk} and Terraform take.
 *
 * <pre>{@code
 * EntityTable table = EntityTable.of(registry.require(Sale.getDescriptor()));
 * String json = BigQueryJsonSchema.toJson(table.columns());
 * }</pre>
 */
package io.entityflow.contract.bigquery;
