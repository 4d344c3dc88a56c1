/**
 * Where counts come from: hourly event counts aggregated by SQL in the warehouse (the local DuckDB
 * warehouse or BigQuery with query parameters) and the pipeline's ingestion watermark.
 */
package io.entityflow.alerting.warehouse;
