package io.entityflow.demo;

import io.entityflow.contract.Operation;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.publisher.EntityPublisher;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
  private final PublishedCounts counts = new PublishedCounts();
  private final DemoConfiguration configuration;
  private final OutageSchedule outage;
  private final Clock clock = Clock.systemUTC();
  private final Instant started;
  private boolean outageAnnounced;
  private boolean resumeAnnounced;

  SimulatorScheduler(
      EntityPublisher publisher, EntityRegistry registry, DemoConfiguration configuration) {
    this.configuration = configuration;
    DemoConfiguration.Outage o = configuration.getOutage();
    this.outage =
        o.isEnabled()
            ? new OutageSchedule(
                o.getEntity(),
                Operation.parse(o.getOperation()),
                o.getStartAfter(),
                o.getDuration())
            : OutageSchedule.none();
    this.simulator =
        new RetailLoyaltySimulator(
            publisher,
            registry,
            new RetailLoyaltySimulator.Settings(
                new SimulatedDay(configuration.getDayLength(), 8.0),
                configuration.getPeakSalesPerMinute(),
                configuration.getSignupsPerSale(),
                configuration.getMembershipShare(),
                outage,
                configuration.getSeed()),
            counts);
    this.started = clock.instant();
    LOG.info(
        "retail loyalty demo started: a day lasts {}, peak {} sales/min{}",
        configuration.getDayLength(),
        configuration.getPeakSalesPerMinute(),
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
    simulator.tick(elapsed, configuration.getTick(), now);
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
