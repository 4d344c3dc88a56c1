/**
 * Typed consumers of entity topics for Micronaut services: implement {@link
 * io.entityflow.consumer.EntityHandler} as a bean and every event of its entity arrives decoded,
 * with its metadata, in per-entity order, deduplicated by event id, retried with backoff when the
 * handler says so, and dead-lettered with the reason otherwise.
 *
 * <pre>{@code
 * @Singleton
 * class LoyaltyAccrual implements EntityHandler<Sale> {
 *   public String name() { return "loyalty_accrual"; }
 *   public void handle(EntityEvent<Sale> event) { ... }
 * }
 * }</pre>
 */
package io.entityflow.consumer;
