/**
 * BigQuery's documented rules, enforced in tests: {@link
 * io.entityflow.testing.bigquery.BigQueryRules} checks table definitions, schema changes and rows,
 * and {@link io.entityflow.testing.bigquery.RuleCheckingDatasetService} puts those checks in front
 * of Beam's fake BigQuery so pipeline tests fail where BigQuery would.
 *
 * <pre>{@code
 * FakeDatasetService.setUp();
 * FakeDatasetService datasets = new RuleCheckingDatasetService();
 * datasets.createTable(table); // throws BigQueryRuleException when BigQuery would refuse it
 * }</pre>
 */
package io.entityflow.testing.bigquery;
