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
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link AlertingService}: evaluator, lifecycle and dispatcher wired together, with
 * metrics {@code entityflow.alerting.evaluations} (tag {@code result}), the timer {@code
 * entityflow.alerting.evaluation.duration} (warehouse queries and judging, without notifying) and
 * the gauge {@code entityflow.alerting.firing}; the dispatcher's listener ({@link DeliveryLog})
 * counts {@code entityflow.alerting.notifications} and keeps the latest delivery per channel.
 *
 * <pre>{@code
 * AlertingService service = context.getBean(AlertingService.class);
 * }</pre>
 *
 * <p>Guarantees: evaluations (warehouse queries, judging and the lifecycle) run one at a time;
 * their notifications are sent outside that lock by one notifier thread, in the order the
 * evaluations produced them, so a slow channel delays no other evaluation; {@link #evaluateNow()}
 * returns once its own notifications were sent (or failed); a failing evaluation is counted, kept
 * as {@link #lastError()} and rethrown, never swallowed; a firing or resolved notification that
 * reached no channel (also one still queued when the service stops) is marked undelivered after its
 * delivery and sent again at the next evaluation (also after a restart).
 */
@Singleton
public class DefaultAlertingService implements AlertingService {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultAlertingService.class);

  private final Evaluator evaluator;
  private final AlertLifecycle lifecycle;
  private final NotificationDispatcher dispatcher;
  private final DeliveryLog deliveryLog;
  private final RuleSet rules;
  private final Clock clock;
  private final MeterRegistry meters;
  private final AtomicReference<Evaluation> last;
  private final AtomicReference<String> lastError = new AtomicReference<>();
  private final Object evaluationLock = new Object();
  private final ExecutorService notifier =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "alerting-notifier");
            t.setDaemon(true);
            return t;
          });

  /** Creates the service. */
  public DefaultAlertingService(
      Evaluator evaluator,
      AlertLifecycle lifecycle,
      NotificationDispatcher dispatcher,
      DeliveryLog deliveryLog,
      RuleSet rules,
      @Named("alerting") Clock clock,
      MeterRegistry meters) {
    this.evaluator = evaluator;
    this.lifecycle = lifecycle;
    this.dispatcher = dispatcher;
    this.deliveryLog = deliveryLog;
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
  public Evaluation evaluateNow() {
    Evaluation evaluation;
    Delivery delivery;
    synchronized (evaluationLock) {
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
      if (notifications.isEmpty()) {
        return evaluation;
      }
      // queued while the lock is held, so deliveries keep the order of the evaluations
      delivery = new Delivery(notifications);
      try {
        notifier.execute(delivery);
      } catch (RejectedExecutionException stopped) {
        delivery.abandon();
      }
    }
    try {
      delivery.done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("delivery failed: " + e.getCause(), e.getCause());
    }
    return evaluation;
  }

  /** Stops the notifier: a running delivery is interrupted, queued ones are marked undelivered. */
  @PreDestroy
  public void stop() {
    for (Runnable queued : notifier.shutdownNow()) {
      ((Delivery) queued).abandon();
    }
  }

  /** The notifications of one evaluation, sent by the notifier thread. */
  private final class Delivery implements Runnable {
    final List<Notification> notifications;
    final CompletableFuture<Void> done = new CompletableFuture<>();

    Delivery(List<Notification> notifications) {
      this.notifications = notifications;
    }

    @Override
    public void run() {
      try {
        List<DeliveryResult> results = dispatcher.dispatch(notifications);
        for (Notification n : notifications) {
          boolean delivered =
              results.stream().anyMatch(r -> r.dedupKey().equals(n.dedupKey()) && r.delivered());
          if (!delivered) {
            lifecycle.markUndelivered(n.dedupKey(), n.kind());
          }
        }
      } catch (RuntimeException e) {
        LOG.error("sending {} notification(s) failed: {}", notifications.size(), e.toString());
        notifications.forEach(n -> lifecycle.markUndelivered(n.dedupKey(), n.kind()));
      } finally {
        done.complete(null);
      }
    }

    void abandon() {
      LOG.warn(
          "{} notification(s) not sent (the service is stopping); sent at the next evaluation",
          notifications.size());
      notifications.forEach(n -> lifecycle.markUndelivered(n.dedupKey(), n.kind()));
      done.complete(null);
    }
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
    return deliveryLog.latest();
  }

  @Override
  public Instant now() {
    return clock.instant();
  }
}
