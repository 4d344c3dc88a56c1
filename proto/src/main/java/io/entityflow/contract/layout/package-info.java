/**
 * The physical layout of an Entityflow installation, owned by the contract: every table (entity
 * tables, {@code entityflow.dead_letter}, {@code entityflow.pipeline_heartbeat}) with its dataset,
 * name, partitioning, clustering, description and columns, and every Pub/Sub resource of an entity
 * (topic, pipeline subscription, dead-letter topic) and of each of its consumers (subscription,
 * dead-letter topic, replay topic and subscription). Terraform inputs, the pipeline, alerting,
 * local mode and the catalog read names from here; no other module spells them.
 *
 * <pre>{@code
 * PhysicalLayout layout = PhysicalLayout.of(EntityRegistry.load()).withDatasetPrefix("prod_");
 * layout.entity(sale).pipelineSubscription();  // "sale_v1_pipeline"
 * layout.datasetId("retail");                  // "prod_retail"
 * layout.consumer(sale, "loyalty_accrual").subscription();  // "sale_v1_loyalty_accrual"
 * }</pre>
 */
package io.entityflow.contract.layout;
