package io.entityflow.contract.layout;

import io.entityflow.contract.registry.EntityDefinition;
import java.util.Objects;

/**
 * The Pub/Sub resources of one consumer of one entity topic: its own subscription of the entity
 * topic, its dead-letter topic (with a subscription holding the dead letters for inspection), and a
 * replay topic with its subscription into which a history replay republishes for this consumer
 * only, never into the live topic.
 *
 * <pre>{@code
 * ConsumerResources accrual = layout.consumer(saleDefinition, "loyalty_accrual");
 * accrual.subscription();                // "sale_v1_loyalty_accrual"
 * accrual.deadLetterTopic();             // "sale_v1_loyalty_accrual_dead_letter"
 * accrual.deadLetterHoldSubscription();  // "sale_v1_loyalty_accrual_dead_letter_hold"
 * accrual.replayTopic();                 // "sale_v1_loyalty_accrual_replay"
 * accrual.replaySubscription();          // "sale_v1_loyalty_accrual_replay"
 * }</pre>
 *
 * <p>Guarantees: created only by {@link PhysicalLayout#consumer}, which validated the consumer
 * name; every name depends only on the entity's topic and the consumer name.
 *
 * @param entity the consumed entity
 * @param consumer the consumer name, lower snake case
 * @param topic the entity topic the subscription reads, e.g. {@code sale_v1}
 * @param subscription the consumer's subscription of the entity topic
 * @param deadLetterTopic where the consumer puts events it cannot handle
 * @param deadLetterHoldSubscription the subscription keeping those dead letters
 * @param replayTopic the topic a history replay for this consumer publishes to
 * @param replaySubscription the consumer's subscription of its replay topic
 */
public record ConsumerResources(
    EntityDefinition entity,
    String consumer,
    String topic,
    String subscription,
    String deadLetterTopic,
    String deadLetterHoldSubscription,
    String replayTopic,
    String replaySubscription) {

  public ConsumerResources {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(consumer, "consumer");
  }
}
