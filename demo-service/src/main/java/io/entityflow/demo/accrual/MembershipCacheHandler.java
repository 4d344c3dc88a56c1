package io.entityflow.demo.accrual;

import com.acme.retail.loyalty.v1.LoyaltyMembership;
import io.entityflow.consumer.EntityEvent;
import io.entityflow.consumer.EntityHandler;
import io.entityflow.contract.Operation;
import io.entityflow.demo.DemoConfiguration;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Keeps the accrual consumer's {@link MembershipCache} in sync: subscribes to LoyaltyMembership
 * events as consumer {@code loyalty_accrual} (subscription {@code
 * loyalty_membership_v1_loyalty_accrual}).
 *
 * <p>Guarantees: CREATED and UPDATED store the state, DELETED removes it; nothing else is done.
 */
@Singleton
@Requires(property = DemoConfiguration.PREFIX + ".enabled", notEquals = "false")
@Requires(property = AccrualConfiguration.PREFIX + ".enabled", notEquals = "false")
public class MembershipCacheHandler implements EntityHandler<LoyaltyMembership> {
  private final MembershipCache cache;

  MembershipCacheHandler(MembershipCache cache) {
    this.cache = cache;
  }

  @Override
  public String name() {
    return SaleAccrualHandler.CONSUMER;
  }

  @Override
  public void handle(EntityEvent<LoyaltyMembership> event) {
    if (event.operation() == Operation.DELETED) {
      cache.remove(event.entity().getMembershipId());
    } else {
      cache.put(event.entity());
    }
  }
}
