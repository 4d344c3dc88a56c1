package io.entityflow.pipelines.replay;

import io.entityflow.pipelines.options.BigQueryDatasetOptions;
import io.entityflow.pipelines.options.ContractOptions;
import io.entityflow.pipelines.options.WarehouseOptions;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubOptions;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/**
 * Options of {@link ReplayEntityTable}.
 *
 * <pre>{@code
 * --entity=Sale --from=2026-11-01T00:00:00Z --to=2026-11-02T00:00:00Z
 * --targetTopic=projects/acme/topics/sale_v1-replay --warehouse=LOCAL --warehouseDir=...
 * // or from BigQuery (table <bigQueryProject>.<datasetPrefix><domain>.sale_v1):
 * --warehouse=BIGQUERY --project=acme --bigQueryProject=acme-analytics --datasetPrefix=prod_
 * }</pre>
 */
public interface ReplayOptions
    extends ContractOptions,
        WarehouseOptions,
        BigQueryDatasetOptions,
        PubsubOptions,
        BigQueryOptions {
  @Description("Entity to replay, by entity name (Sale) or full message name.")
  @Validation.Required
  String getEntity();

  void setEntity(String value);

  @Description("First occurred_at to replay, inclusive (RFC 3339).")
  @Validation.Required
  String getFrom();

  void setFrom(String value);

  @Description("End of the range, exclusive (RFC 3339).")
  @Validation.Required
  String getTo();

  void setTo(String value);

  @Description("Topic to publish to: projects/<project>/topics/<name>.")
  @Validation.Required
  String getTargetTopic();

  void setTargetTopic(String value);
}
