package io.entityflow.terraform.consumers;

import io.entityflow.contract.layout.ConsumerResources;
import java.util.Objects;

/**
 * One consumer of one entity topic as an environment deploys it: its resource names (from the
 * contract's layout) and the options of its subscriptions.
 *
 * <pre>{@code
 * ConsumerSpec accrual = ConsumerSpec.withDefaults(layout.consumer(sale, "loyalty_accrual"));
 * accrual.resources().subscription();   // "sale_v1_loyalty_accrual"
 * accrual.maxDeliveryAttempts();        // 10
 * }</pre>
 *
 * <p>Guarantees: built by {@link ConsumersFile}, which checked every option against what Pub/Sub
 * accepts (see the constants); the names are those consumer-lib uses.
 *
 * @param resources the consumer's subscription, dead-letter topic and hold subscription, replay
 *     topic and subscription
 * @param ordering whether the subscriptions deliver in ordering-key order (every entity topic
 *     carries ordering keys; consumer-lib keeps per-entity order only on an ordered subscription)
 * @param maxDeliveryAttempts deliveries before Pub/Sub forwards a message to the dead-letter topic
 *     ({@value #MIN_DELIVERY_ATTEMPTS}-{@value #MAX_DELIVERY_ATTEMPTS})
 * @param ackDeadlineSeconds the subscriptions' ack deadline ({@value #MIN_ACK_DEADLINE_SECONDS}-
 *     {@value #MAX_ACK_DEADLINE_SECONDS})
 * @param minimumBackoff the retry policy's first delay after a nack, e.g. {@code 10s}
 * @param maximumBackoff the retry policy's longest delay, at most {@code 600s}
 * @param replay whether the replay topic and subscription exist
 */
public record ConsumerSpec(
    ConsumerResources resources,
    boolean ordering,
    int maxDeliveryAttempts,
    int ackDeadlineSeconds,
    String minimumBackoff,
    String maximumBackoff,
    boolean replay) {
  /** Default of {@code max_delivery_attempts}. */
  public static final int DEFAULT_MAX_DELIVERY_ATTEMPTS = 10;

  /** Default of {@code ack_deadline_seconds}: what consumer-lib gives subscriptions it creates. */
  public static final int DEFAULT_ACK_DEADLINE_SECONDS = 60;

  /** Default of {@code minimum_backoff}. */
  public static final String DEFAULT_MINIMUM_BACKOFF = "10s";

  /** Default of {@code maximum_backoff}. */
  public static final String DEFAULT_MAXIMUM_BACKOFF = "600s";

  /** Fewest delivery attempts Pub/Sub's dead-letter policy accepts. */
  public static final int MIN_DELIVERY_ATTEMPTS = 5;

  /** Most delivery attempts Pub/Sub's dead-letter policy accepts. */
  public static final int MAX_DELIVERY_ATTEMPTS = 100;

  /** Shortest ack deadline Pub/Sub accepts. */
  public static final int MIN_ACK_DEADLINE_SECONDS = 10;

  /** Longest ack deadline Pub/Sub accepts. */
  public static final int MAX_ACK_DEADLINE_SECONDS = 600;

  public ConsumerSpec {
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(minimumBackoff, "minimumBackoff");
    Objects.requireNonNull(maximumBackoff, "maximumBackoff");
  }

  /** A consumer with every default: ordered, 10 attempts, 60 s, backoff 10s-600s, replay. */
  public static ConsumerSpec withDefaults(ConsumerResources resources) {
    return new ConsumerSpec(
        resources,
        true,
        DEFAULT_MAX_DELIVERY_ATTEMPTS,
        DEFAULT_ACK_DEADLINE_SECONDS,
        DEFAULT_MINIMUM_BACKOFF,
        DEFAULT_MAXIMUM_BACKOFF,
        true);
  }
}
