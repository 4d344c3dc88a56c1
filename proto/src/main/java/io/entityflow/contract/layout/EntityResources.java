package io.entityflow.contract.layout;

import io.entityflow.contract.registry.EntityDefinition;
import java.util.Objects;

/**
 * Every resource of one entity at one major version: its topic, the pipeline's subscription, the
 * dead-letter topic the subscription forwards undeliverable messages to (with a subscription that
 * holds them), the history table, the latest-state view and the current-state table (written only
 * when the installation turns current tables on).
 *
 * <pre>{@code
 * EntityResources sale = layout.entity(saleDefinition);
 * sale.topic();                 // "sale_v1"
 * sale.pipelineSubscription();  // "sale_v1_pipeline"
 * sale.deadLetterTopic();       // "sale_v1_dead_letter"
 * sale.currentTable().name();   // "sale_v1_current"
 * }</pre>
 *
 * @param entity the entity
 * @param topic the Pub/Sub topic, named like the table
 * @param pipelineSubscription the subscription the pipeline reads
 * @param deadLetterTopic the topic of messages Pub/Sub could not deliver to the pipeline
 * @param deadLetterHoldSubscription the subscription keeping those messages for inspection
 * @param table the history table
 * @param latestView the view of each entity's latest state, in the table's dataset
 */
public record EntityResources(
    EntityDefinition entity,
    String topic,
    String pipelineSubscription,
    String deadLetterTopic,
    String deadLetterHoldSubscription,
    TableDefinition table,
    String latestView) {

  public EntityResources {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(table, "table");
  }

  /**
   * The current-state table {@code <table>_current}: the history table's columns, one row per id
   * (primary key and clustering on the entity id), not partitioned ({@link
   * TableDefinition#currentOf}).
   */
  public TableDefinition currentTable() {
    return TableDefinition.currentOf(table, entity.idField().getName());
  }
}
