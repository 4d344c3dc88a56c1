package io.entityflow.pipelines.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Where and how rows reach BigQuery.
 *
 * <pre>{@code
 * --bigQueryProject=acme-analytics --writeMethod=AT_LEAST_ONCE --datasetPrefix=prod_
 * }</pre>
 */
public interface BigQuerySinkOptions extends PipelineOptions {
  @Description("Project of the datasets; default: --project.")
  String getBigQueryProject();

  void setBigQueryProject(String value);

  @Description(
      "Prefix of every dataset name: the dataset of an entity is <prefix><domain>, e.g. retail.")
  @Default.String("")
  String getDatasetPrefix();

  void setDatasetPrefix(String value);

  @Description("EXACTLY_ONCE (default) or AT_LEAST_ONCE Storage Write API.")
  @Default.Enum("EXACTLY_ONCE")
  WriteMethod getWriteMethod();

  void setWriteMethod(WriteMethod value);

  @Description("Exactly-once only: seconds between Storage Write API commits.")
  @Default.Integer(5)
  Integer getTriggeringFrequencySeconds();

  void setTriggeringFrequencySeconds(Integer value);

  @Description(
      "At start-up, create missing tables and add new NULLABLE columns of the contract to"
          + " existing tables (additive schema evolution).")
  @Default.Boolean(true)
  Boolean getEvolveSchemas();

  void setEvolveSchemas(Boolean value);
}
