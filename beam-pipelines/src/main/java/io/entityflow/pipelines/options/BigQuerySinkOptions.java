package io.entityflow.pipelines.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * How rows reach BigQuery; where ({@code --bigQueryProject}, {@code --datasetPrefix}) comes from
 * {@link BigQueryDatasetOptions}.
 *
 * <pre>{@code
 * --bigQueryProject=acme-analytics --writeMethod=AT_LEAST_ONCE --datasetPrefix=prod_
 * }</pre>
 */
public interface BigQuerySinkOptions extends BigQueryDatasetOptions {
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
