package io.entityflow.demo;

import com.acme.retail.sale.v1.Sale;
import io.entityflow.consumer.EntityConsumers;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.demo.accrual.AccrualProgress;
import io.entityflow.demo.accrual.SaleAccrualHandler;
import io.entityflow.demo.store.SalesLedger;
import io.entityflow.publisher.EntityPublisher;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives {@link RetailLoyaltySimulator} on Micronaut's scheduler and prints progress: what was
 * published, failures, and when the outage starts and ends. Never prints payloads.
 */
@Singleton
@Requires(property = DemoConfiguration.PREFIX + ".enabled", notEquals = "false")
public class SimulatorScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatorScheduler.class);

  private final RetailLoyaltySimulator simulator;
  private final PublishedCounts counts;
  private final EntityRegistry registry;
  private final AccrualProgress accrualProgress;
  private final DemoConfiguration configuration;
  private final OutageSchedule outage;
  private final Clock clock = Clock.systemUTC();
  private final DemoClock demoClock;
  private Instant simulatedUntil;
  private final Instant started;
  private boolean outageAnnounced;
  private boolean resumeAnnounced;

  SimulatorScheduler(
      EntityPublisher publisher,
      EntityRegistry registry,
      DemoConfiguration configuration,
      DemoOutage demoOutage,
      PublishedCounts counts,
      Optional<SalesLedger> ledger,
      Optional<SaleAccrualHandler> accrualConsumer,
      Optional<EntityConsumers> consumers,
      AccrualProgress accrualProgress) {
    // injected so the consumers (started on creation) have their subscriptions before the first
    // event is published, history included
    this.configuration = configuration;
    this.counts = counts;
    this.registry = registry;
    this.accrualProgress = accrualConsumer.isPresent() ? accrualProgress : null;
    DemoConfiguration.Outage o = configuration.getOutage();
    this.outage = demoOutage.schedule();
    this.simulator =
        new RetailLoyaltySimulator(
            publisher,
            registry,
            new RetailLoyaltySimulator.Settings(
                configuration.getPeakSalesPerHour(),
                configuration.getSignupsPerSale(),
                configuration.getMembershipShare(),
                outage,
                configuration.getSeed(),
                accrualConsumer.isEmpty()),
            counts,
            ledger.orElse(null));
    Instant now = clock.instant();
    Instant start =
        configuration.getClockStart() != null
            ? configuration.getClockStart()
            : now.minus(Duration.ofDays(1));
    Instant anchor = configuration.getClockAnchor() != null ? configuration.getClockAnchor() : now;
    this.demoClock = new DemoClock(start, anchor, configuration.getClockSpeed());
    this.simulatedUntil = start.minus(configuration.getBackfill());
    catchUp();
    this.started = clock.instant();
    demoOutage.goLive(started);
    LOG.info(
        "retail loyalty demo started: simulated clock at {} running {}x, peak {} sales per simulated hour{}",
        start,
        configuration.getClockSpeed(),
        configuration.getPeakSalesPerHour(),
        o.isEnabled()
            ? ", outage of "
                + o.getEntity()
                + " "
                + o.getOperation()
                + " after "
                + o.getStartAfter()
                + " for "
                + o.getDuration()
            : "");
  }

  @Scheduled(fixedDelay = "${entityflow.demo.tick:250ms}")
  void tick() {
    Instant now = clock.instant();
    Duration elapsed = Duration.between(started, now);
    if (outage.active(elapsed) && !outageAnnounced) {
      outageAnnounced = true;
      LOG.warn(
          "outage: {} {} events stop now for {}",
          outage.entity(),
          outage.operation(),
          outage.duration());
    }
    if (outageAnnounced && !resumeAnnounced && !outage.active(elapsed)) {
      resumeAnnounced = true;
      LOG.warn("outage over: {} {} events resume", outage.entity(), outage.operation());
    }
    Instant simulatedNow = demoClock.at(now);
    Duration length = Duration.between(simulatedUntil, simulatedNow);
    if (length.isNegative() || length.isZero()) {
      return;
    }
    simulator.tick(simulatedNow, length, elapsed);
    simulatedUntil = simulatedNow;
  }

  /**
   * Publishes the history from {@code simulatedUntil} up to the simulated now, in 5-minute steps,
   * repeating until less than a step is left, so live traffic continues without a gap.
   */
  private void catchUp() {
    Duration step = Duration.ofMinutes(5);
    if (!simulatedUntil.plus(step).isAfter(demoClock.at(clock.instant()))) {
      LOG.info("publishing history from {} so baselines can be learned", simulatedUntil);
    }
    while (!simulatedUntil.plus(step).isAfter(demoClock.at(clock.instant()))) {
      simulatedUntil = simulatedUntil.plus(step);
      simulator.tick(simulatedUntil, step, null);
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (counts.inFlight() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while publishing history", e);
      }
    }
    awaitAccrualConsumer();
    LOG.info("history published: {} events ({} failed)", counts.total(), counts.failedCount());
  }

  /**
   * Waits (up to 10 minutes) until the loyalty accrual consumer has settled every Sale event of the
   * history, so the history's accruals are published before the demo goes live and the alerting
   * service does not see a silence that is only the consumer catching up.
   */
  private void awaitAccrualConsumer() {
    if (accrualProgress == null) {
      return;
    }
    String topic = registry.require(Sale.getDefaultInstance()).topicName();
    long sales =
        counts.publishedByKind().entrySet().stream()
            .filter(e -> e.getKey().startsWith(topic + " "))
            .mapToLong(Map.Entry::getValue)
            .sum();
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    long reported = System.nanoTime();
    while (accrualProgress.settled(topic) < sales && System.nanoTime() < deadline) {
      if (System.nanoTime() - reported > Duration.ofSeconds(10).toNanos()) {
        reported = System.nanoTime();
        LOG.info(
            "loyalty accrual consumer catching up with the history: {} of {} sale events",
            accrualProgress.settled(topic),
            sales);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the accrual consumer caught up", e);
      }
    }
    LOG.info(
        "loyalty accrual consumer settled {} of {} history sale events",
        accrualProgress.settled(topic),
        sales);
  }

  @Scheduled(fixedDelay = "10s", initialDelay = "10s")
  void report() {
    LOG.info(counts.summary());
  }

  /** What was published so far. */
  public PublishedCounts counts() {
    return counts;
  }
}
