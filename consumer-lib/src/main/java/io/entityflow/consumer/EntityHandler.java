package io.entityflow.consumer;

import com.google.protobuf.Message;
import io.entityflow.consumer.internal.HandlerTypes;
import io.entityflow.contract.Operation;
import java.util.EnumSet;
import java.util.Set;

/**
 * A consumer of one entity topic: implement it as a Micronaut bean and the library subscribes it at
 * start-up to its own subscription {@code <topic>_<name>} (from the contract's {@code
 * PhysicalLayout.consumer}), decodes every event to {@code T} and calls {@link #handle}.
 *
 * <pre>{@code
 * @Singleton
 * public class LoyaltyAccrual implements EntityHandler<Sale> {
 *   public String name() { return "loyalty_accrual"; }          // sale_v1_loyalty_accrual
 *   public Set<Operation> operations() { return EnumSet.of(Operation.CREATED); }
 *   public void handle(EntityEvent<Sale> event) {
 *     if (providerDown()) throw new RetryableException("provider unavailable");  // retried
 *     accrue(event.entity(), event.eventId());
 *   }
 * }
 * }</pre>
 *
 * <p>Guarantees: an event is acknowledged only after {@code handle} returned normally (or after it
 * went to the consumer's dead-letter topic); events of one ordering key (one entity id) are handled
 * one at a time, in publish order, when the subscription orders; an event id already handled by
 * this consumer (per the dedup store) is not handed over again. {@code handle} may be called
 * concurrently for events of different keys.
 *
 * <p>Errors: a {@link RetryableException} (or a configured {@code retryable-exceptions} class,
 * anywhere in the cause chain) is retried with backoff; every other exception sends the event to
 * the dead-letter topic at once. See the module README.
 *
 * @param <T> the generated Protobuf class of the entity, e.g. {@code Sale}
 */
public interface EntityHandler<T extends Message> {
  /**
   * The consumer name, lower snake case (e.g. {@code loyalty_accrual}); it names the subscription,
   * the dead-letter and replay topics, and is the key of the dedup store. Must be unique per
   * entity.
   */
  String name();

  /**
   * Handles one event. Return normally when done; throw to refuse it (see the class comment).
   *
   * @throws Exception any failure; retryable ones are retried, others dead-lettered
   */
  void handle(EntityEvent<T> event) throws Exception;

  /**
   * The operations this consumer wants (default all). Events of other operations are acknowledged
   * without calling {@link #handle} (outcome {@code SKIPPED}).
   */
  default Set<Operation> operations() {
    return EnumSet.allOf(Operation.class);
  }

  /**
   * The entity class; by default the type argument of the implementing class. Override it when the
   * type argument is not a concrete class (e.g. a generic handler).
   */
  default Class<T> entityType() {
    return HandlerTypes.entityType(this);
  }
}
