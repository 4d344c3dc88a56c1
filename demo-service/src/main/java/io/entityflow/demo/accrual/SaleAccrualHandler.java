package io.entityflow.demo.accrual;

import com.acme.retail.loyalty.v1.AccrualReason;
import com.acme.retail.loyalty.v1.LoyaltyAccrual;
import com.acme.retail.loyalty.v1.LoyaltyMembership;
import com.acme.retail.sale.v1.Sale;
import com.google.protobuf.Timestamp;
import io.entityflow.consumer.EntityEvent;
import io.entityflow.consumer.EntityHandler;
import io.entityflow.consumer.RetryableException;
import io.entityflow.contract.Operation;
import io.entityflow.demo.DemoConfiguration;
import io.entityflow.demo.DemoOutage;
import io.entityflow.demo.PublishedCounts;
import io.entityflow.publisher.EntityPublisher;
import io.entityflow.publisher.PublishReceipt;
import io.entityflow.publisher.PublishRequest;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The loyalty accrual consumer of the retail case: for every Sale CREATED of a loyalty member
 * (subscription {@code sale_v1_loyalty_accrual}) it asks the {@link PointsProvider} to award the
 * sale's points, then publishes the {@code LoyaltyAccrual} and the membership's new balance.
 *
 * <p>Guarantees: the sale event is acknowledged only after both events were stored by Pub/Sub.
 * Their event ids derive from the sale's event id, so a redelivered sale republishes the same
 * events (same ids) and downstream deduplicates them. A provider outage is retried with backoff by
 * the consumer library; a refusal sends the sale event to {@code
 * sale_v1_loyalty_accrual_dead_letter} with the reason. Sales without a customer, or of customers
 * without a membership, earn nothing. During the demo's outage of LoyaltyAccrual CREATED the
 * accrual is held back (the outage the alerting service should notice).
 */
@Singleton
@Requires(property = DemoConfiguration.PREFIX + ".enabled", notEquals = "false")
@Requires(property = AccrualConfiguration.PREFIX + ".enabled", notEquals = "false")
public class SaleAccrualHandler implements EntityHandler<Sale> {
  /** The consumer's name, shared by its two subscriptions. */
  public static final String CONSUMER = "loyalty_accrual";

  private static final Duration PUBLISH_WAIT = Duration.ofSeconds(90);

  private final MembershipCache memberships;
  private final PointsProvider provider;
  private final EntityPublisher publisher;
  private final DemoOutage outage;
  private final PublishedCounts counts;

  SaleAccrualHandler(
      MembershipCache memberships,
      PointsProvider provider,
      EntityPublisher publisher,
      DemoOutage outage,
      PublishedCounts counts) {
    this.memberships = memberships;
    this.provider = provider;
    this.publisher = publisher;
    this.outage = outage;
    this.counts = counts;
  }

  @Override
  public String name() {
    return CONSUMER;
  }

  @Override
  public Set<Operation> operations() {
    return Set.of(Operation.CREATED);
  }

  @Override
  public void handle(EntityEvent<Sale> event) throws Exception {
    Sale sale = event.entity();
    Optional<LoyaltyMembership> member =
        sale.getCustomerId().isEmpty()
            ? Optional.empty()
            : memberships.forCustomer(sale.getCustomerId());
    if (member.isEmpty() || !sale.hasLoyaltyPoints()) {
      return;
    }
    LoyaltyMembership membership = member.get();
    long points = sale.getLoyaltyPoints().getValue();
    if (outage.suppressesNow("LoyaltyAccrual", Operation.CREATED)) {
      counts.heldBack();
      return;
    }
    provider.award(membership.getMembershipId(), sale.getSaleId(), points);
    LoyaltyMembership credited =
        membership.toBuilder().setPointsBalance(membership.getPointsBalance() + points).build();
    Instant at = event.occurredAt();
    List<PublishRequest> requests =
        List.of(
            PublishRequest.of(accrual(membership, sale, points, at), Operation.CREATED)
                .withOccurredAt(at)
                .withEventId(derivedId("accrual", event.eventId())),
            PublishRequest.of(credited, Operation.UPDATED)
                .withOccurredAt(at)
                .withEventId(derivedId("membership", event.eventId())));
    List<CompletableFuture<PublishReceipt>> sent = publisher.publishAll(requests);
    for (int i = 0; i < sent.size(); i++) {
      counts.sent();
      try {
        PublishReceipt receipt = sent.get(i).get(PUBLISH_WAIT.toSeconds(), TimeUnit.SECONDS);
        counts.published(receipt.topic(), requests.get(i).operation().name());
      } catch (ExecutionException | TimeoutException e) {
        counts.failed();
        // not stored: the sale event is retried, and republishes both events with the same ids
        throw new RetryableException("publishing the accrual of sale " + sale.getSaleId(), e);
      }
    }
    memberships.put(credited);
  }

  /** The accrual of {@code points} for {@code sale}, named after the sale. */
  static LoyaltyAccrual accrual(LoyaltyMembership membership, Sale sale, long points, Instant at) {
    Instant expires = at.plus(Duration.ofDays(365));
    return LoyaltyAccrual.newBuilder()
        .setAccrualId("a-" + sale.getSaleId())
        .setMembershipId(membership.getMembershipId())
        .setSaleId(sale.getSaleId())
        .setPoints(points)
        .setReason(AccrualReason.PURCHASE)
        .setExpiresAt(
            Timestamp.newBuilder()
                .setSeconds(expires.getEpochSecond())
                .setNanos(expires.getNano())
                .build())
        .build();
  }

  /** A stable event id for what this consumer publishes because of the sale event. */
  static String derivedId(String kind, String saleEventId) {
    return UUID.nameUUIDFromBytes(
            (CONSUMER + ":" + kind + ":" + saleEventId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
