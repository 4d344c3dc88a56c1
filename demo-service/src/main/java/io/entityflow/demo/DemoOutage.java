package io.entityflow.demo;

import io.entityflow.contract.Operation;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The demo's scheduled outage on the live clock, shared by the simulator and the loyalty accrual
 * consumer: whichever of them produces the outage's entity holds its events back during the outage.
 * The outage clock starts when the simulator goes live (after the history is published).
 *
 * <pre>{@code
 * outage.goLive(Instant.now());                              // the simulator, once
 * if (outage.suppressesNow("LoyaltyAccrual", Operation.CREATED)) { ... hold it back ... }
 * }</pre>
 *
 * <p>Thread-safe. Before {@link #goLive} nothing is suppressed (history has no outage).
 */
@Singleton
public class DemoOutage {
  private final OutageSchedule schedule;
  private final Clock clock;
  private volatile Instant liveSince;

  @Inject
  DemoOutage(DemoConfiguration configuration) {
    this(schedule(configuration.getOutage()), Clock.systemUTC());
  }

  /** An outage following {@code schedule} on {@code clock}. */
  public DemoOutage(OutageSchedule schedule, Clock clock) {
    this.schedule = schedule;
    this.clock = clock;
  }

  private static OutageSchedule schedule(DemoConfiguration.Outage outage) {
    return outage.isEnabled()
        ? new OutageSchedule(
            outage.getEntity(),
            Operation.parse(outage.getOperation()),
            outage.getStartAfter(),
            outage.getDuration())
        : OutageSchedule.none();
  }

  /** The schedule. */
  public OutageSchedule schedule() {
    return schedule;
  }

  /** Starts the outage clock (the first call wins). */
  public synchronized void goLive(Instant at) {
    if (liveSince == null) {
      liveSince = at;
    }
  }

  /** Whether events of this entity and operation are held back now. */
  public boolean suppressesNow(String entityName, Operation operation) {
    Instant since = liveSince;
    return since != null
        && schedule.suppresses(entityName, operation, Duration.between(since, clock.instant()));
  }
}
