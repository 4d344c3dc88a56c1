package io.entityflow.alerting.service;

import io.entityflow.alerting.evaluation.Evaluation;
import io.entityflow.alerting.evaluation.Evaluator;
import io.entityflow.alerting.notify.DeliveryResult;
import io.entityflow.alerting.notify.Notification;
import io.entityflow.alerting.notify.NotificationDispatcher;
import io.entityflow.alerting.rules.RuleSet;
import io.entityflow.alerting.state.AlertLifecycle;
import io.entityflow.alerting.state.AlertRecord;
import io.entityflow.alerting.state.AlertStatus;
import io.entityflow.alerting.state.Silence;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link AlertingService}: evaluator, lifecycle and dispatcher wired together, with
 * metrics {@code entityflow.alerting.evaluations} (tag {@code result}), the timer {@code
 * entityflow.alerting.evaluation.duration} (warehouse queries and judging, without notifying),
 * {@code entityflow.alerting.notifications} (tags {@code channel}, {@code result}) and the gauge
 * {@code entityflow.alerting.firing}.
 *
 * <pre>{@code
 * AlertingService service = context.getBean(AlertingService.class);
 * }</pre>
 *
 * <p>Guarantees: evaluations run one at a time; a failing evaluation is counted, kept as {@link
 * #lastError()} and rethrown, never swallowed; a firing or resolved notification that reached no
 * channel is sent again at the next evaluation (also after a restart).
 */
@Singleton
public class DefaultAlertingService implements AlertingService {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultAlertingService.class);

  private final Evaluator evaluator;
  private final AlertLifecycle lifecycle;
  private final NotificationDispatcher dispatcher;
  private final RuleSet rules;
  private final Clock clock;
  private final MeterRegistry meters;
  private final AtomicReference<Evaluation> last;
  private final AtomicReference<String> lastError = new AtomicReference<>();
  private final Map<String, DeliveryResult> deliveries = new LinkedHashMap<>();

  /** Creates the service. */
  public DefaultAlertingService(
      Evaluator evaluator,
      AlertLifecycle lifecycle,
      NotificationDispatcher dispatcher,
      RuleSet rules,
      @Named("alerting") Clock clock,
      MeterRegistry meters) {
    this.evaluator = evaluator;
    this.lifecycle = lifecycle;
    this.dispatcher = dispatcher;
    this.rules = rules;
    this.clock = clock;
    this.meters = meters;
    this.last = new AtomicReference<>(Evaluation.none(clock.instant()));
    meters.gauge(
        "entityflow.alerting.firing",
        lifecycle,
        l -> l.alerts().stream().filter(a -> a.getStatus() == AlertStatus.FIRING).count());
  }

  @Override
  public synchronized Evaluation evaluateNow() {
    Evaluation evaluation;
    long started = System.nanoTime();
    try {
      evaluation = evaluator.evaluate();
      meters
          .timer("entityflow.alerting.evaluation.duration")
          .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    } catch (RuntimeException e) {
      meters.counter("entityflow.alerting.evaluations", "result", "failed").increment();
      lastError.set(e.getMessage());
      LOG.error("evaluation failed: {}", e.getMessage());
      throw e;
    }
    meters.counter("entityflow.alerting.evaluations", "result", "ok").increment();
    lastError.set(null);
    last.set(evaluation);
    List<Notification> notifications = lifecycle.apply(evaluation);
    List<DeliveryResult> results = dispatcher.dispatch(notifications);
    for (Notification n : notifications) {
      boolean delivered =
          results.stream().anyMatch(r -> r.dedupKey().equals(n.dedupKey()) && r.delivered());
      if (!delivered) {
        lifecycle.markUndelivered(n.dedupKey(), n.kind());
      }
    }
    for (DeliveryResult r : results) {
      meters
          .counter(
              "entityflow.alerting.notifications",
              "channel",
              r.channel(),
              "result",
              r.delivered() ? "delivered" : "failed")
          .increment();
      synchronized (deliveries) {
        deliveries.put(r.channel(), r);
      }
    }
    return evaluation;
  }

  @Override
  public Evaluation lastEvaluation() {
    return last.get();
  }

  @Override
  public String lastError() {
    return lastError.get();
  }

  @Override
  public List<AlertRecord> alerts() {
    return lifecycle.alerts();
  }

  @Override
  public List<Silence> silences() {
    return lifecycle.silences(clock.instant());
  }

  @Override
  public Silence addSilence(
      String matcher, Instant startsAt, Instant endsAt, String reason, String by) {
    return lifecycle.addSilence(matcher, startsAt, endsAt, reason, by);
  }

  @Override
  public boolean removeSilence(String id) {
    return lifecycle.removeSilence(id);
  }

  @Override
  public RuleSet rules() {
    return rules;
  }

  @Override
  public List<DeliveryResult> deliveries() {
    synchronized (deliveries) {
      return List.copyOf(deliveries.values());
    }
  }

  @Override
  public Instant now() {
    return clock.instant();
  }
}
