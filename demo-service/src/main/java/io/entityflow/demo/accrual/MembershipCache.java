package io.entityflow.demo.accrual;

import com.acme.retail.loyalty.v1.LoyaltyMembership;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accrual consumer's view of loyalty memberships by customer id, kept in sync from
 * LoyaltyMembership events ({@link MembershipCacheHandler}) and from the balances the consumer
 * itself credits. Thread-safe.
 *
 * <pre>{@code
 * cache.put(membership);
 * cache.forCustomer("c-42"); // Optional[membership]
 * }</pre>
 */
@Singleton
public class MembershipCache {
  private final Map<String, LoyaltyMembership> byCustomer = new ConcurrentHashMap<>();

  /** Stores the membership's latest state, unless the cache holds a higher balance already. */
  public void put(LoyaltyMembership membership) {
    byCustomer.merge(
        membership.getCustomerId(),
        membership,
        (held, incoming) ->
            incoming.getPointsBalance() >= held.getPointsBalance() ? incoming : held);
  }

  /** Removes a membership (a DELETED event carries only its id). */
  public void remove(String membershipId) {
    byCustomer.values().removeIf(m -> m.getMembershipId().equals(membershipId));
  }

  /** The membership of a customer, if any. */
  public Optional<LoyaltyMembership> forCustomer(String customerId) {
    return Optional.ofNullable(byCustomer.get(customerId));
  }

  /** Memberships held. */
  public int size() {
    return byCustomer.size();
  }
}
