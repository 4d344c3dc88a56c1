package io.entityflow.demo;

import io.entityflow.demo.accrual.AccrualProgress;
import io.entityflow.outbox.metrics.OutboxMetrics;
import io.entityflow.outbox.store.OutboxStats;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints, every 10 s, what the outbox and the loyalty accrual consumer did, from their own metrics:
 * rows waiting in the outbox and the age of the oldest, rows published by the relay; events the
 * consumer handled, retried and dead-lettered. Never prints payloads.
 *
 * <pre>{@code
 * outbox: 0 rows waiting (oldest 0s), 1503 published by the relay, 0 failed attempts;
 *   consumer loyalty_accrual: 2210 handled, 61 retried, 7 dead-lettered, 0 duplicates,
 *   310 of other operations, 0 not acknowledged
 * }</pre>
 */
@Singleton
@Requires(property = DemoConfiguration.PREFIX + ".enabled", notEquals = "false")
public class ServiceReport {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceReport.class);

  private final Optional<OutboxMetrics> outbox;
  private final AccrualProgress progress;

  ServiceReport(Optional<OutboxMetrics> outbox, AccrualProgress progress) {
    this.outbox = outbox;
    this.progress = progress;
  }

  @Scheduled(fixedDelay = "10s", initialDelay = "10s")
  void report() {
    String line = line();
    if (!line.isEmpty()) {
      LOG.info(line);
    }
  }

  /** The report line; empty when there is neither an outbox nor a consumer. */
  public String line() {
    StringBuilder line = new StringBuilder();
    outbox.ifPresent(
        metrics -> {
          OutboxStats stats = metrics.stats();
          line.append("outbox: ")
              .append(stats.depth())
              .append(" rows waiting (oldest ")
              .append(stats.oldestAge().toSeconds())
              .append("s), ")
              .append(metrics.published())
              .append(" published by the relay, ")
              .append(metrics.failed())
              .append(" failed attempts");
        });
    long handled = sum("entityflow.consumer.handled");
    if (handled == 0 && sum("entityflow.consumer.dead_lettered") == 0) {
      return line.toString();
    }
    if (line.length() > 0) {
      line.append("; ");
    }
    line.append("consumer loyalty_accrual: ")
        .append(handled)
        .append(" handled, ")
        .append(sum("entityflow.consumer.retried"))
        .append(" retried, ")
        .append(sum("entityflow.consumer.dead_lettered"))
        .append(" dead-lettered, ")
        .append(sum("entityflow.consumer.duplicates"))
        .append(" duplicates, ")
        .append(sum("entityflow.consumer.skipped"))
        .append(" of other operations, ")
        .append(sum("entityflow.consumer.not_acked"))
        .append(" not acknowledged");
    return line.toString();
  }

  private long sum(String name) {
    return progress.count(name, null);
  }
}
