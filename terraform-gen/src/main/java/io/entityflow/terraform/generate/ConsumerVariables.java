package io.entityflow.terraform.generate;

import io.entityflow.contract.layout.ConsumerResources;
import io.entityflow.terraform.consumers.ConsumerSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Terraform input of one consumer: the object the environment's {@code consumers} map holds
 * under the consumer's subscription name (unique: {@code <topic>_<consumer>}).
 *
 * <pre>{@code
 * Map<String, Object> accrual = ConsumerVariables.of(ConsumerSpec.withDefaults(
 *     layout.consumer(sale, "loyalty_accrual")));
 * accrual.get("subscription");        // "sale_v1_loyalty_accrual"
 * accrual.get("dead_letter_topic");   // "sale_v1_loyalty_accrual_dead_letter"
 * }</pre>
 *
 * <p>Guarantees: keys in a fixed order (the order of the Terraform variable's object type); every
 * name comes from the layout's {@link ConsumerResources}, as consumer-lib uses them.
 */
public final class ConsumerVariables {
  private ConsumerVariables() {}

  /** The variables of a consumer. */
  public static Map<String, Object> of(ConsumerSpec spec) {
    ConsumerResources resources = spec.resources();
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("consumer", resources.consumer());
    vars.put("entity", resources.entity().fullName());
    vars.put("topic", resources.topic());
    vars.put("subscription", resources.subscription());
    vars.put("dead_letter_topic", resources.deadLetterTopic());
    vars.put("dead_letter_hold_subscription", resources.deadLetterHoldSubscription());
    vars.put("replay", spec.replay());
    vars.put("replay_topic", resources.replayTopic());
    vars.put("replay_subscription", resources.replaySubscription());
    vars.put("enable_message_ordering", spec.ordering());
    vars.put("max_delivery_attempts", spec.maxDeliveryAttempts());
    vars.put("ack_deadline_seconds", spec.ackDeadlineSeconds());
    vars.put("minimum_backoff", spec.minimumBackoff());
    vars.put("maximum_backoff", spec.maximumBackoff());
    return vars;
  }
}
