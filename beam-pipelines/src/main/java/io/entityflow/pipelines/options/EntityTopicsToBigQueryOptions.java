package io.entityflow.pipelines.options;

import org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubOptions;
import org.apache.beam.sdk.options.StreamingOptions;

/**
 * All options of {@code EntityTopicsToBigQuery}, composed from the small interfaces of this package
 * plus Beam's Pub/Sub, BigQuery and streaming options.
 *
 * <pre>{@code
 * EntityTopicsToBigQueryOptions options = PipelineOptionsFactory.fromArgs(args).withValidation()
 *     .as(EntityTopicsToBigQueryOptions.class);
 * }</pre>
 */
public interface EntityTopicsToBigQueryOptions
    extends ContractOptions,
        EntitySourceOptions,
        WarehouseOptions,
        LocalReadOptions,
        BigQuerySinkOptions,
        OpenLineageOptions,
        PubsubOptions,
        BigQueryOptions,
        StreamingOptions {}
