package io.entityflow.alerting.service;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link AlertingService#evaluateNow()} every {@code evaluation-interval} of service-clock
 * time (so a clock sped up 60x evaluates every second for a one-minute interval). Disabled with
 * {@code entityflow.alerting.scheduler.enabled=false} or an interval of {@code PT0S}.
 *
 * <pre>{@code
 * ApplicationContext.run(Map.of("entityflow.alerting.scheduler.enabled", "false"));
 * }</pre>
 *
 * <p>Guarantees: a failed evaluation is reported by the service (metric, status, log) and the next
 * one runs on schedule; the executor stops with the context.
 */
@Context
@Requires(property = AlertingConfiguration.PREFIX + ".scheduler.enabled", notEquals = "false")
public class EvaluationScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(EvaluationScheduler.class);
  private final ScheduledExecutorService executor;

  /** Starts the schedule. */
  public EvaluationScheduler(AlertingService service, AlertingConfiguration config) {
    long millis = Math.round(config.getEvaluationInterval().toMillis() / config.getClockSpeed());
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "alerting-evaluation");
              t.setDaemon(true);
              return t;
            });
    if (millis > 0) {
      executor.scheduleWithFixedDelay(
          () -> {
            try {
              service.evaluateNow();
            } catch (RuntimeException e) {
              // Already counted, kept as lastError and logged by the service; the schedule goes on.
              LOG.debug("scheduled evaluation failed", e);
            }
          },
          0,
          Math.max(100, millis),
          TimeUnit.MILLISECONDS);
    }
  }

  /** Stops the schedule. */
  @PreDestroy
  public void stop() {
    executor.shutdownNow();
  }
}
