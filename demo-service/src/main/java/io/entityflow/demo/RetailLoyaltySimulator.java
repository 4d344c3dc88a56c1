package io.entityflow.demo;

import com.acme.retail.customer.v1.Customer;
import com.acme.retail.loyalty.v1.LoyaltyMembership;
import com.acme.retail.sale.v1.Sale;
import com.google.protobuf.Message;
import io.entityflow.contract.Operation;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.demo.store.SalesLedger;
import io.entityflow.publisher.EntityPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The retail loyalty business of the demo: each {@link #tick} turns the elapsed real time into
 * Poisson-distributed sign-ups, memberships, sales, accruals, a few sale corrections and
 * cancellations, at the rate of the simulated hour of day, and publishes them through {@link
 * EntityPublisher} - exactly as a real service would, with occurred-at on the demo's simulated
 * clock. Events of the outage's kind are held back during the outage.
 *
 * <pre>{@code
 * RetailLoyaltySimulator simulator = new RetailLoyaltySimulator(publisher, registry, settings, counts, null);
 * simulator.tick(simulatedNow, Duration.ofSeconds(15), realElapsed);   // live
 * simulator.tick(historicTime, Duration.ofMinutes(5), null);            // backfill: no outage
 * }</pre>
 *
 * <p>Not thread-safe: one scheduler thread drives it.
 */
public final class RetailLoyaltySimulator {
  private final EntityPublisher publisher;
  private final SalesLedger ledger;
  private final EntityRegistry registry;
  private final Settings settings;
  private final PublishedCounts counts;
  private final Random random;
  private final RetailEvents events;
  private final List<Customer> customers = new ArrayList<>();
  private final Map<String, LoyaltyMembership> memberships = new HashMap<>();
  private final List<Sale> recentSales = new ArrayList<>();
  private long nextCustomer = 1;
  private long nextSale = 1;
  private long nextAccrual = 1;

  /**
   * What drives the simulation.
   *
   * @param peakSalesPerHour sales per simulated hour at the daily peak (UTC hours)
   * @param signupsPerSale new customers per sale
   * @param membershipShare share of new customers joining the loyalty programme
   * @param outage the scheduled outage
   * @param seed random seed
   * @param accruals whether the simulator publishes accruals and balances itself (false when the
   *     loyalty accrual consumer does it)
   */
  public record Settings(
      double peakSalesPerHour,
      double signupsPerSale,
      double membershipShare,
      OutageSchedule outage,
      long seed,
      boolean accruals) {}

  /** Creates the simulator. */
  public RetailLoyaltySimulator(
      EntityPublisher publisher,
      EntityRegistry registry,
      Settings settings,
      PublishedCounts counts,
      SalesLedger ledger) {
    this.publisher = publisher;
    this.ledger = ledger;
    this.registry = registry;
    this.settings = settings;
    this.counts = counts;
    this.random = new Random(settings.seed());
    this.events = new RetailEvents(random);
  }

  /**
   * Generates and publishes the events of one tick: {@code length} of simulated time ending at
   * {@code now}; {@code elapsed} is the real time since start-up (for the outage), {@code null} for
   * history, which has no outage.
   */
  public void tick(Instant now, Duration length, Duration elapsed) {
    double hours = length.toNanos() / 3600e9;
    double share = DailyProfile.RETAIL.share(DemoClock.hourOfDay(now));
    double salesMean = settings.peakSalesPerHour() * share * hours;
    int signups = PoissonSampler.sample(random, salesMean * settings.signupsPerSale());
    for (int i = 0; i < signups; i++) {
      Customer customer = events.customer(nextCustomer++, now);
      customers.add(customer);
      emit(customer, Operation.CREATED, now, elapsed);
      if (random.nextDouble() < settings.membershipShare()) {
        LoyaltyMembership membership = events.membership(customer, now);
        memberships.put(customer.getCustomerId(), membership);
        emit(membership, Operation.CREATED, now, elapsed);
      }
    }
    int sales = PoissonSampler.sample(random, salesMean);
    for (int i = 0; i < sales; i++) {
      sell(now, elapsed);
    }
    if (!recentSales.isEmpty() && random.nextDouble() < salesMean * 0.02) {
      Sale corrected = recentSales.get(random.nextInt(recentSales.size()));
      emit(
          corrected.toBuilder().putLabels("corrected", "true").build(),
          Operation.UPDATED,
          now,
          elapsed);
    }
    if (!recentSales.isEmpty() && random.nextDouble() < salesMean * 0.01) {
      Sale cancelled = recentSales.remove(random.nextInt(recentSales.size()));
      emit(
          Sale.newBuilder().setSaleId(cancelled.getSaleId()).build(),
          Operation.DELETED,
          now,
          elapsed);
    }
    if (!customers.isEmpty() && random.nextDouble() < salesMean * 0.02) {
      int index = random.nextInt(customers.size());
      Customer promoted = events.promoted(customers.get(index));
      customers.set(index, promoted);
      emit(promoted, Operation.UPDATED, now, elapsed);
    }
  }

  private void sell(Instant now, Duration elapsed) {
    String customerId =
        customers.isEmpty() || random.nextDouble() < 0.3
            ? ""
            : customers.get(random.nextInt(customers.size())).getCustomerId();
    Sale sale = events.sale(nextSale++, customerId, now);
    emit(sale, Operation.CREATED, now, elapsed);
    recentSales.add(sale);
    if (recentSales.size() > 500) {
      recentSales.remove(0);
    }
    LoyaltyMembership membership = memberships.get(customerId);
    if (membership != null && settings.accruals()) {
      emit(events.accrual(nextAccrual++, membership, sale, now), Operation.CREATED, now, elapsed);
      LoyaltyMembership updated =
          membership.toBuilder()
              .setPointsBalance(membership.getPointsBalance() + sale.getLoyaltyPoints().getValue())
              .build();
      memberships.put(customerId, updated);
      emit(updated, Operation.UPDATED, now, elapsed);
    }
  }

  private void emit(Message entity, Operation operation, Instant occurredAt, Duration elapsed) {
    String name = registry.require(entity).name();
    if (elapsed != null && settings.outage().suppresses(name, operation, elapsed)) {
      counts.heldBack();
      return;
    }
    String topic = registry.require(entity).topicName();
    counts.sent();
    if (ledger != null && entity instanceof Sale sale) {
      // the service's own write and the event, one transaction; the outbox relay publishes it
      ledger.apply(sale, operation, occurredAt);
      counts.published(topic, operation.name());
      return;
    }
    publisher
        .publish(entity, operation, occurredAt)
        .whenComplete(
            (receipt, error) -> {
              if (error == null) {
                counts.published(topic, operation.name());
              } else {
                counts.failed();
              }
            });
  }
}
