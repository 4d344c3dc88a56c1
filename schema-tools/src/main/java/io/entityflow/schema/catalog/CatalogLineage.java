package io.entityflow.schema.catalog;

import io.entityflow.contract.layout.ConsumerResources;
import java.util.List;

/**
 * Where an entity's data comes from and goes to: the producing services, the topic and its
 * subscriptions, the pipeline job, the table and latest view, the known consumers and the alert
 * rules watching it. Immutable.
 *
 * <pre>{@code
 * CatalogLineage lineage = sources.lineage(sale, layout);
 * lineage.producers();  // ["demo-service (1,204 events)"], or empty with producersQuery() to run
 * }</pre>
 *
 * @param producers producing services with their event counts, from the local warehouse; empty when
 *     not read (see {@code producersSource})
 * @param producersSource where the producers come from, e.g. {@code local warehouse
 *     .entityflow/warehouse}, or why they are not listed
 * @param producersQuery the BigQuery query listing the producers of the table
 * @param topic the Pub/Sub topic
 * @param pipelineSubscription the subscription the pipeline reads
 * @param deadLetterTopic the topic of messages the pipeline's subscription could not deliver
 * @param pipelineJob the job writing the table, e.g. {@code Dataflow job entityflow-pipeline}
 * @param table the history table, {@code dataset.table}
 * @param latestView the latest-state view, {@code dataset.view}
 * @param consumers the declared consumers' resources
 * @param alertRules the rules watching the entity, one line per group of operations
 * @param alertRulesSource the rules file read, or the default used
 */
public record CatalogLineage(
    List<String> producers,
    String producersSource,
    String producersQuery,
    String topic,
    String pipelineSubscription,
    String deadLetterTopic,
    String pipelineJob,
    String table,
    String latestView,
    List<ConsumerResources> consumers,
    List<String> alertRules,
    String alertRulesSource) {

  public CatalogLineage {
    producers = List.copyOf(producers);
    consumers = List.copyOf(consumers);
    alertRules = List.copyOf(alertRules);
  }
}
