package io.entityflow.outbox.metrics;

import io.entityflow.outbox.store.OutboxStats;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Reports the outbox as {@code entityflowOutbox} in the health endpoint, reading the table when
 * asked: DOWN when the oldest waiting row is older than {@code entityflow.outbox.health.max-age},
 * when rows are parked as invalid, or when the table cannot be read; else UP. Details: depth,
 * oldestAgeMillis, retrying, invalid, published, failed, parked, maxAge, relay.
 *
 * <pre>{@code
 * HealthResult result = indicator.result();
 * result.getStatus(); // HealthStatus.UP
 * }</pre>
 */
public class OutboxHealthIndicator implements HealthIndicator {
  /** The name in the health endpoint. */
  public static final String NAME = "entityflowOutbox";

  private final OutboxMonitor monitor;
  private final OutboxMetrics metrics;
  private final Duration maxAge;
  private final boolean relay;

  /**
   * An indicator reading the table through {@code monitor}.
   *
   * @param relay whether this instance runs the relay (a detail only)
   */
  public OutboxHealthIndicator(
      OutboxMonitor monitor, OutboxMetrics metrics, Duration maxAge, boolean relay) {
    this.monitor = monitor;
    this.metrics = metrics;
    this.maxAge = maxAge;
    this.relay = relay;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    return io.micronaut.core.async.publisher.Publishers.just(result());
  }

  /** The current health, computed now. */
  public HealthResult result() {
    Map<String, Object> details = new LinkedHashMap<>();
    HealthStatus status;
    try {
      OutboxStats stats = monitor.refresh();
      details.put("depth", stats.depth());
      details.put("oldestAgeMillis", stats.oldestAge().toMillis());
      details.put("retrying", stats.retrying());
      details.put("invalid", stats.invalid());
      boolean tooOld = stats.oldestAge().compareTo(maxAge) > 0;
      if (tooOld) {
        details.put("reason", "the oldest waiting row is older than max-age " + maxAge);
      } else if (stats.invalid() > 0) {
        details.put(
            "reason",
            stats.invalid()
                + " row(s) parked as invalid (entityflow_outbox.invalid_reason); fix and reset"
                + " them or delete them");
      }
      status = tooOld || stats.invalid() > 0 ? HealthStatus.DOWN : HealthStatus.UP;
    } catch (SQLException | RuntimeException e) {
      details.put("reason", "the outbox table cannot be read: " + e.getMessage());
      status = HealthStatus.DOWN;
    }
    details.put("published", metrics.published());
    details.put("failed", metrics.failed());
    details.put("parked", metrics.parked());
    details.put("maxAge", maxAge.toString());
    details.put("relay", relay);
    return HealthResult.builder(NAME, status).details(details).build();
  }
}
