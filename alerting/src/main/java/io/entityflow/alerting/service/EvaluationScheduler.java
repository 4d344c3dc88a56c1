package io.entityflow.alerting.service;

import io.entityflow.alerting.evaluation.Evaluation;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link AlertingService#evaluateNow()} every {@code evaluation-interval} of service-clock
 * time (so a clock sped up 60x evaluates every second for a one-minute interval), and earlier when
 * the last evaluation predicted a series (or the combined stream of all series behind ingestion
 * down) to become significantly silent before the next regular one ({@link
 * Evaluation#nextSilenceAt()}, shifted by the ingestion lag): a silence is then caught when it
 * becomes significant, not up to an interval later. Disabled with {@code
 * entityflow.alerting.scheduler.enabled=false} or an interval of {@code PT0S}.
 *
 * <pre>{@code
 * ApplicationContext.run(Map.of("entityflow.alerting.scheduler.enabled", "false"));
 * }</pre>
 *
 * <p>Guarantees: the first evaluation starts at once; evaluations never overlap and are at least
 * {@code evaluation-min-gap} apart when brought forward, and at most {@code evaluation-interval}
 * apart (plus the evaluation's own duration); a failed evaluation is reported by the service
 * (metric, status, log) and the next one runs on schedule; the executor stops with the context.
 */
@Context
@Requires(property = AlertingConfiguration.PREFIX + ".scheduler.enabled", notEquals = "false")
public class EvaluationScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(EvaluationScheduler.class);
  private static final long MIN_REAL_DELAY_MILLIS = 10;
  private final ScheduledExecutorService executor;
  private final AlertingService service;
  private final Duration interval;
  private final Duration minGap;
  private final double speed;

  /** Starts the schedule. */
  public EvaluationScheduler(AlertingService service, AlertingConfiguration config) {
    this.service = service;
    this.interval = config.getEvaluationInterval();
    this.minGap = config.getEvaluationMinGap();
    this.speed = config.getClockSpeed();
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "alerting-evaluation");
              t.setDaemon(true);
              return t;
            });
    if (interval.toMillis() > 0) {
      executor.execute(this::runOnce);
    }
  }

  /**
   * Service-clock delay from {@code now} to the next evaluation after {@code last}: the regular
   * interval, or sooner (but at least {@code minGap} after {@code last}) when a silence is
   * predicted to become significant before then. The prediction is in judged time, so it is shifted
   * by how far the judged span lagged behind the clock. Public so that the backtest replays the
   * same schedule.
   */
  public static Duration nextDelay(
      Evaluation last, Instant now, Duration interval, Duration minGap) {
    Instant next = last.evaluatedAt().plus(interval);
    if (last.nextSilenceAt() != null) {
      Duration lag = Duration.between(last.judgedUntil(), last.evaluatedAt());
      Instant predicted = last.nextSilenceAt().plus(lag.isNegative() ? Duration.ZERO : lag);
      Instant earliest = last.evaluatedAt().plus(minGap);
      if (predicted.isBefore(next)) {
        next = predicted.isBefore(earliest) ? earliest : predicted;
      }
    }
    Duration delay = Duration.between(now, next);
    return delay.isNegative() ? Duration.ZERO : delay;
  }

  private void runOnce() {
    Evaluation last = null;
    try {
      last = service.evaluateNow();
    } catch (RuntimeException e) {
      // Already counted, kept as lastError and logged by the service; the schedule goes on.
      LOG.debug("scheduled evaluation failed", e);
    }
    Instant now = service.now();
    Duration delay = last == null ? interval : nextDelay(last, now, interval, minGap);
    long millis = Math.max(MIN_REAL_DELAY_MILLIS, Math.round(delay.toMillis() / speed));
    try {
      executor.schedule(this::runOnce, millis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopped) {
      LOG.debug("evaluation schedule stopped");
    }
  }

  /** Stops the schedule. */
  @PreDestroy
  public void stop() {
    executor.shutdownNow();
  }
}
