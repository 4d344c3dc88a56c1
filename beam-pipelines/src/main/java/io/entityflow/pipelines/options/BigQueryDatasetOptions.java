package io.entityflow.pipelines.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Where the entity tables live in BigQuery: the project of the datasets and the dataset name of a
 * domain. Shared by the streaming pipeline (which writes the tables) and replay (which reads them).
 *
 * <pre>{@code
 * --bigQueryProject=acme-analytics --datasetPrefix=prod_   // Sale -> acme-analytics.prod_retail.sale_v1
 * }</pre>
 */
public interface BigQueryDatasetOptions extends PipelineOptions {
  @Description("Project of the datasets; default: --project.")
  String getBigQueryProject();

  void setBigQueryProject(String value);

  @Description(
      "Prefix of every dataset id, the system dataset included: an entity's dataset is"
          + " <prefix><domain> (e.g. prod_retail), dead letters and heartbeats go to"
          + " <prefix>entityflow. Must match Terraform's dataset_prefix and alerting's"
          + " entityflow.alerting.bigquery.dataset-prefix.")
  @Default.String("")
  String getDatasetPrefix();

  void setDatasetPrefix(String value);
}
