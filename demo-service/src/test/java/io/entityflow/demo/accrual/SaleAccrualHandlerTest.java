package io.entityflow.demo.accrual;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.retail.loyalty.v1.LoyaltyAccrual;
import com.acme.retail.loyalty.v1.LoyaltyMembership;
import com.acme.retail.sale.v1.Sale;
import com.google.protobuf.Int64Value;
import com.google.protobuf.Timestamp;
import io.entityflow.consumer.DeadLetterKind;
import io.entityflow.consumer.DeliveryOutcome;
import io.entityflow.consumer.RetryableException;
import io.entityflow.consumer.testing.ConsumerTestKit;
import io.entityflow.consumer.testing.TestEvent;
import io.entityflow.contract.Operation;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.demo.DemoOutage;
import io.entityflow.demo.OutageSchedule;
import io.entityflow.demo.PublishedCounts;
import io.entityflow.publisher.testing.RecordedEvent;
import io.entityflow.publisher.testing.RecordingEntityPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SaleAccrualHandlerTest {
  private static final EntityRegistry REGISTRY = EntityRegistry.load();
  private static final String SALE_EVENT = "6b0f7f4e-1d2c-4e59-9a51-0c3f2a7d8e11";
  private static final Instant AT = Instant.parse("2026-11-23T10:15:30Z");

  private final RecordingEntityPublisher publisher = new RecordingEntityPublisher(REGISTRY);
  private final MembershipCache memberships = new MembershipCache();
  private final PublishedCounts counts = new PublishedCounts();

  private SaleAccrualHandler handler(PointsProvider provider, DemoOutage outage) {
    memberships.put(
        LoyaltyMembership.newBuilder()
            .setMembershipId("m-1")
            .setCustomerId("c-1")
            .setPointsBalance(100)
            .build());
    return new SaleAccrualHandler(memberships, provider, publisher, outage, counts);
  }

  private static DemoOutage noOutage() {
    return new DemoOutage(OutageSchedule.none(), Clock.systemUTC());
  }

  private static Sale sale(String customerId) {
    return Sale.newBuilder()
        .setSaleId("s-9")
        .setCustomerId(customerId)
        .setLoyaltyPoints(Int64Value.of(25))
        .build();
  }

  private static TestEvent<Sale> saleEvent(String customerId) {
    return TestEvent.of(sale(customerId), Operation.CREATED)
        .withEventId(SALE_EVENT)
        .withOccurredAt(AT);
  }

  @Test
  void memberSaleEarnsAnAccrualAndANewBalanceWithIdsDerivedFromTheSaleEvent() {
    SaleAccrualHandler handler = handler(new PointsProvider(0, 0, 1), noOutage());

    DeliveryOutcome outcome = ConsumerTestKit.of(handler).deliver(saleEvent("c-1"));

    assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.HANDLED);
    List<RecordedEvent> events = publisher.events();
    assertThat(events).hasSize(2);
    Instant expires = AT.plus(Duration.ofDays(365));
    assertThat(events.get(0).entity())
        .isEqualTo(
            LoyaltyAccrual.newBuilder()
                .setAccrualId("a-s-9")
                .setMembershipId("m-1")
                .setSaleId("s-9")
                .setPoints(25)
                .setReason(com.acme.retail.loyalty.v1.AccrualReason.PURCHASE)
                .setExpiresAt(Timestamp.newBuilder().setSeconds(expires.getEpochSecond()))
                .build());
    assertThat(events.get(0).operation()).isEqualTo(Operation.CREATED);
    assertThat(events.get(0).receipt().eventId())
        .isEqualTo(SaleAccrualHandler.derivedId("accrual", SALE_EVENT));
    assertThat(events.get(1).entity())
        .isEqualTo(
            LoyaltyMembership.newBuilder()
                .setMembershipId("m-1")
                .setCustomerId("c-1")
                .setPointsBalance(125)
                .build());
    assertThat(events.get(1).operation()).isEqualTo(Operation.UPDATED);
    assertThat(events.get(1).message().getAttributesMap())
        .containsEntry("occurred_at", "2026-11-23T10:15:30Z");
    assertThat(memberships.forCustomer("c-1").orElseThrow().getPointsBalance()).isEqualTo(125);
    assertThat(counts.publishedByKind())
        .containsExactly(
            java.util.Map.entry("loyalty_accrual_v1 CREATED", 1L),
            java.util.Map.entry("loyalty_membership_v1 UPDATED", 1L));
  }

  @Test
  void redeliveredSaleRepublishesTheSameEventIds() {
    SaleAccrualHandler handler = handler(new PointsProvider(0, 0, 1), noOutage());

    // two kits: the dedup store did not survive (a crash after publishing, before the mark)
    ConsumerTestKit.of(handler).deliver(saleEvent("c-1"));
    ConsumerTestKit.of(handler).deliver(saleEvent("c-1"));

    assertThat(publisher.events())
        .extracting(e -> e.receipt().eventId())
        .containsExactly(
            SaleAccrualHandler.derivedId("accrual", SALE_EVENT),
            SaleAccrualHandler.derivedId("membership", SALE_EVENT),
            SaleAccrualHandler.derivedId("accrual", SALE_EVENT),
            SaleAccrualHandler.derivedId("membership", SALE_EVENT));
    assertThat(SaleAccrualHandler.derivedId("accrual", SALE_EVENT))
        .isNotEqualTo(SaleAccrualHandler.derivedId("membership", SALE_EVENT))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }

  @Test
  void providerUnavailableIsRetriedWithBackoffThenTheAccrualIsPublished() {
    PointsProvider flaky =
        new PointsProvider(0, 0, 1) {
          private int calls;

          @Override
          public void award(String membershipId, String saleId, long points) {
            if (calls++ < 2) {
              throw new RetryableException("points provider unavailable (HTTP 503)");
            }
          }
        };
    SaleAccrualHandler handler = handler(flaky, noOutage());

    DeliveryOutcome outcome = ConsumerTestKit.of(handler).deliver(saleEvent("c-1"));

    assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.HANDLED);
    assertThat(outcome.attempts()).isEqualTo(3);
    assertThat(outcome.backoffs()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(publisher.events()).hasSize(2);
  }

  @Test
  void providerRefusalDeadLettersTheSaleEventWithTheReasonAndPublishesNothing() {
    SaleAccrualHandler handler = handler(new PointsProvider(0, 1, 1), noOutage());
    ConsumerTestKit<Sale> kit = ConsumerTestKit.of(handler);

    DeliveryOutcome outcome = kit.deliver(saleEvent("c-1"));

    assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.DEAD_LETTERED);
    assertThat(outcome.deadLetterKind()).isEqualTo(DeadLetterKind.NON_RETRYABLE);
    assertThat(outcome.reason())
        .contains(
            "points provider refused 25 points for sale s-9 to membership m-1"
                + " (HTTP 422: membership not eligible)");
    assertThat(kit.deadLetters()).hasSize(1);
    assertThat(kit.deadLetters().get(0).getData()).isEqualTo(sale("c-1").toByteString());
    publisher.assertNothingPublished();
    assertThat(memberships.forCustomer("c-1").orElseThrow().getPointsBalance()).isEqualTo(100);
  }

  @Test
  void saleOfACustomerWithoutMembershipEarnsNothing() {
    SaleAccrualHandler handler = handler(new PointsProvider(0, 0, 1), noOutage());

    assertThat(ConsumerTestKit.of(handler).deliver(saleEvent("c-2")).kind())
        .isEqualTo(DeliveryOutcome.Kind.HANDLED);
    assertThat(ConsumerTestKit.of(handler).deliver(saleEvent("")).kind())
        .isEqualTo(DeliveryOutcome.Kind.HANDLED);
    publisher.assertNothingPublished();
  }

  @Test
  void accrualsAreHeldBackDuringTheDemoOutage() {
    Instant now = Instant.parse("2026-12-06T09:00:00Z");
    DemoOutage outage =
        new DemoOutage(
            new OutageSchedule(
                "LoyaltyAccrual", Operation.CREATED, Duration.ZERO, Duration.ofMinutes(3)),
            Clock.fixed(now.plusSeconds(60), ZoneOffset.UTC));
    SaleAccrualHandler handler = handler(new PointsProvider(0, 0, 1), outage);
    outage.goLive(now);

    assertThat(ConsumerTestKit.of(handler).deliver(saleEvent("c-1")).kind())
        .isEqualTo(DeliveryOutcome.Kind.HANDLED);
    publisher.assertNothingPublished();
    assertThat(counts.heldBackCount()).isEqualTo(1);
  }
}
