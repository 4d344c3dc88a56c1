package io.entityflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.retail.loyalty.v1.LoyaltyAccrual;
import com.acme.retail.loyalty.v1.LoyaltyMembership;
import com.acme.retail.sale.v1.Sale;
import io.entityflow.contract.Operation;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.publisher.testing.RecordedEvent;
import io.entityflow.publisher.testing.RecordingEntityPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RetailLoyaltySimulatorTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private final EntityRegistry registry = EntityRegistry.load();

  private RetailLoyaltySimulator simulator(
      RecordingEntityPublisher publisher, OutageSchedule outage, PublishedCounts counts) {
    return new RetailLoyaltySimulator(
        publisher,
        registry,
        new RetailLoyaltySimulator.Settings(36_000, 0.2, 0.5, outage, 7, true),
        counts,
        null);
  }

  @Test
  void everyPublishedEventIsCountedByTopicAndOperation() {
    RecordingEntityPublisher publisher = new RecordingEntityPublisher(registry);
    PublishedCounts counts = new PublishedCounts();
    RetailLoyaltySimulator simulator = simulator(publisher, OutageSchedule.none(), counts);

    for (int i = 0; i < 20; i++) {
      simulator.tick(NOW.plusSeconds(i), Duration.ofSeconds(1), Duration.ofMillis(250L * i));
    }

    Map<String, Long> recorded =
        publisher.events().stream()
            .collect(
                Collectors.groupingBy(e -> e.topic() + " " + e.operation(), Collectors.counting()));
    assertThat(counts.publishedByKind()).isEqualTo(new java.util.TreeMap<>(recorded));
    assertThat(recorded)
        .containsKeys("sale_v1 CREATED", "customer_v1 CREATED", "loyalty_membership_v1 CREATED");
    assertThat(counts.failedCount()).isZero();
  }

  @Test
  void everyAccrualBelongsToAMembershipAndASaleOfThatMember() {
    RecordingEntityPublisher publisher = new RecordingEntityPublisher(registry);
    RetailLoyaltySimulator simulator =
        simulator(publisher, OutageSchedule.none(), new PublishedCounts());

    for (int i = 0; i < 40; i++) {
      simulator.tick(NOW.plusSeconds(i), Duration.ofSeconds(1), Duration.ofMillis(250L * i));
    }

    Map<String, Sale> sales =
        publisher.entitiesOf(Sale.class).stream()
            .collect(Collectors.toMap(Sale::getSaleId, s -> s, (a, b) -> a));
    List<LoyaltyAccrual> accruals = publisher.entitiesOf(LoyaltyAccrual.class);
    assertThat(accruals).isNotEmpty();
    for (LoyaltyAccrual accrual : accruals) {
      Sale sale = sales.get(accrual.getSaleId());
      assertThat(sale).isNotNull();
      assertThat(accrual.getMembershipId()).isEqualTo("m-" + sale.getCustomerId().substring(2));
      assertThat(accrual.getPoints()).isEqualTo(sale.getLoyaltyPoints().getValue());
    }
    assertThat(publisher.entitiesOf(LoyaltyMembership.class)).isNotEmpty();
  }

  @Test
  void eventsCarryTheSimulatedTimeAsOccurredAt() {
    RecordingEntityPublisher publisher = new RecordingEntityPublisher(registry);
    RetailLoyaltySimulator simulator =
        simulator(publisher, OutageSchedule.none(), new PublishedCounts());

    simulator.tick(NOW, Duration.ofSeconds(30), null);

    assertThat(publisher.events()).isNotEmpty();
    assertThat(publisher.events())
        .allSatisfy(
            e ->
                assertThat(e.message().getAttributesOrThrow("occurred_at"))
                    .isEqualTo("2026-11-23T12:00:00Z"));
  }

  @Test
  void historyTicksIgnoreTheOutage() {
    RecordingEntityPublisher publisher = new RecordingEntityPublisher(registry);
    OutageSchedule outage =
        new OutageSchedule("Sale", Operation.CREATED, Duration.ZERO, Duration.ofDays(1));
    RetailLoyaltySimulator simulator = simulator(publisher, outage, new PublishedCounts());

    simulator.tick(NOW, Duration.ofSeconds(30), null);

    assertThat(publisher.events())
        .anyMatch(e -> e.topic().equals("sale_v1") && e.operation() == Operation.CREATED);
  }

  @Test
  void duringTheOutageNoSaleIsCreatedButOtherEventsContinue() {
    RecordingEntityPublisher publisher = new RecordingEntityPublisher(registry);
    PublishedCounts counts = new PublishedCounts();
    OutageSchedule outage =
        new OutageSchedule("Sale", Operation.CREATED, Duration.ZERO, Duration.ofMinutes(1));
    RetailLoyaltySimulator simulator = simulator(publisher, outage, counts);

    for (int i = 0; i < 20; i++) {
      simulator.tick(NOW.plusSeconds(i), Duration.ofSeconds(1), Duration.ofMillis(250L * i));
    }

    List<RecordedEvent> events = publisher.events();
    assertThat(events)
        .noneMatch(e -> e.topic().equals("sale_v1") && e.operation() == Operation.CREATED);
    assertThat(events).anyMatch(e -> e.topic().equals("customer_v1"));
    assertThat(counts.heldBackCount()).isPositive();
  }

  @Test
  void salesFollowTheDailyRhythm() {
    RecordingEntityPublisher night = new RecordingEntityPublisher(registry);
    RecordingEntityPublisher noon = new RecordingEntityPublisher(registry);
    RetailLoyaltySimulator.Settings settings =
        new RetailLoyaltySimulator.Settings(600, 0, 0, OutageSchedule.none(), 1, true);
    RetailLoyaltySimulator atNight =
        new RetailLoyaltySimulator(night, registry, settings, new PublishedCounts(), null);
    RetailLoyaltySimulator atNoon =
        new RetailLoyaltySimulator(noon, registry, settings, new PublishedCounts(), null);
    Instant threeAm = Instant.parse("2026-11-23T03:00:00Z");

    for (int i = 0; i < 10; i++) {
      atNight.tick(threeAm.plusSeconds(i), Duration.ofMinutes(1), null);
      atNoon.tick(NOW.plusSeconds(i), Duration.ofMinutes(1), null);
    }

    // 10 simulated minutes at 600/h: 100 expected at the noon peak, 2 at 03:00 (share 0.02)
    assertThat(noon.entitiesOf(Sale.class).size()).isBetween(70, 130);
    assertThat(night.entitiesOf(Sale.class).size()).isBetween(0, 8);
  }
}
