package io.entityflow.alerting.service;

import io.entityflow.alerting.notify.DeliveryResult;
import io.entityflow.alerting.notify.NotificationDispatcher;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The listener of the {@link NotificationDispatcher}: counts every delivery result in the metric
 * {@code entityflow.alerting.notifications} (tags {@code channel}, {@code result} = {@code
 * delivered} or {@code failed}; one count per notification and channel, after its retries) and
 * keeps the latest result per channel, which {@code GET /api/deliveries} shows.
 *
 * <pre>{@code
 * DeliveryLog log = new DeliveryLog(meters);
 * NotificationDispatcher d = new NotificationDispatcher(channels, 4, backoff, cap, Thread::sleep,
 *     log, clock);
 * d.dispatch(notifications);
 * log.latest(); // one result per channel, in the order the channels were first used
 * }</pre>
 *
 * <p>Guarantees: thread-safe; each result is counted exactly once.
 */
@Singleton
public class DeliveryLog implements Consumer<DeliveryResult> {
  /** The metric counting delivery results. */
  public static final String METRIC = "entityflow.alerting.notifications";

  private final MeterRegistry meters;
  private final Map<String, DeliveryResult> latest = new LinkedHashMap<>();

  /** Creates a log counting in {@code meters}. */
  public DeliveryLog(MeterRegistry meters) {
    this.meters = meters;
  }

  /** Counts the result and keeps it as its channel's latest. */
  @Override
  public void accept(DeliveryResult result) {
    meters
        .counter(
            METRIC,
            "channel",
            result.channel(),
            "result",
            result.delivered() ? "delivered" : "failed")
        .increment();
    synchronized (latest) {
      latest.put(result.channel(), result);
    }
  }

  /** The latest result per channel. */
  public List<DeliveryResult> latest() {
    synchronized (latest) {
      return List.copyOf(latest.values());
    }
  }
}
