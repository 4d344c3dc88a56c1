/**
 * The pull-request report: per entity the columns added, the BigQuery DDL, new topics, tables and
 * versions, the Pub/Sub schema revision and the findings of the check, as Markdown ({@link
 * io.entityflow.schema.report.PullRequestReport}).
 */
package io.entityflow.schema.report;
