package io.entityflow.alerting.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.alerting.evaluation.Evaluation;
import io.entityflow.alerting.evaluation.Evaluator;
import io.entityflow.alerting.model.BaselineSettings;
import io.entityflow.alerting.model.HourlyCounts;
import io.entityflow.alerting.model.SeriesHistory;
import io.entityflow.alerting.model.SeriesKey;
import io.entityflow.alerting.notify.DeliveryException;
import io.entityflow.alerting.notify.Notification;
import io.entityflow.alerting.notify.NotificationChannel;
import io.entityflow.alerting.notify.NotificationDispatcher;
import io.entityflow.alerting.notify.NotificationKind;
import io.entityflow.alerting.rules.RuleSet;
import io.entityflow.alerting.state.AlertLifecycle;
import io.entityflow.alerting.state.AlertStatus;
import io.entityflow.alerting.state.StateStore;
import io.entityflow.alerting.warehouse.CountQuery;
import io.entityflow.alerting.warehouse.EventCountSource;
import io.entityflow.alerting.warehouse.WindowCountQuery;
import io.entityflow.contract.registry.EntityRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DefaultAlertingServiceTest {
  private static final Instant DATA_START = Instant.parse("2026-01-05T00:00:00Z");
  private static final Instant OUTAGE_FROM = Instant.parse("2026-01-19T00:00:00Z");
  private static final Instant OUTAGE_TO = Instant.parse("2026-01-19T00:35:00Z");

  /** One CREATED sale at every whole minute from DATA_START, none in the outage. */
  private static final class MinuteSales implements EventCountSource {
    @Override
    public List<SeriesHistory> hourlyCounts(CountQuery query) {
      if (!query.table().equals("sale_v1")) {
        return List.of();
      }
      long[] counts = new long[query.hours()];
      Instant last = null;
      for (Instant t = DATA_START; t.isBefore(query.to()); t = t.plusSeconds(60)) {
        boolean out = !t.isBefore(OUTAGE_FROM) && t.isBefore(OUTAGE_TO);
        if (!out && !t.isBefore(query.from())) {
          counts[(int) Duration.between(query.from(), t).toHours()]++;
          last = t;
        }
      }
      return List.of(
          new SeriesHistory(
              new SeriesKey("retail", "sale_v1", "CREATED", null),
              new HourlyCounts(query.from(), counts),
              last));
    }

    @Override
    public List<Map<String, Long>> windowCounts(List<WindowCountQuery> queries) {
      return queries.stream().map(q -> Map.<String, Long>of()).toList();
    }

    @Override
    public Optional<Instant> ingestedThrough() {
      return Optional.empty();
    }
  }

  /** A clock the test moves. */
  private static final class MovingClock extends UtcClock {
    volatile Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Delivers firing messages; fails the first {@code failResolved} attempts of resolved ones. */
  private static final class FlakyChannel implements NotificationChannel {
    final List<Notification> delivered = new ArrayList<>();
    int failResolved = 2;

    @Override
    public String name() {
      return "flaky";
    }

    @Override
    public void send(Notification n) throws DeliveryException {
      if (n.kind() == NotificationKind.RESOLVED && failResolved > 0) {
        failResolved--;
        throw new DeliveryException("HTTP 503 from the flaky receiver", null, true, null);
      }
      delivered.add(n);
    }
  }

  /** Blocks every send until released, then delivers it. */
  private static final class SlowChannel implements NotificationChannel {
    final CountDownLatch sending = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final List<Notification> delivered = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
      return "slow";
    }

    @Override
    public void send(Notification n) throws DeliveryException {
      sending.countDown();
      try {
        if (!release.await(60, TimeUnit.SECONDS)) {
          throw new DeliveryException("slow channel not released within 60 s", null, false, null);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DeliveryException("slow channel interrupted", null, false, null);
      }
      delivered.add(n);
    }
  }

  private static Evaluator evaluator(RuleSet rules, MovingClock clock) {
    return new Evaluator(
        new MinuteSales(),
        rules,
        rules.watched(EntityRegistry.load()),
        BaselineSettings.defaults(),
        Duration.ofMinutes(15),
        Duration.ZERO,
        clock);
  }

  @Test
  void aSlowChannelDoesNotHoldUpTheNextEvaluation() throws Exception {
    MovingClock clock = new MovingClock(Instant.parse("2026-01-19T00:30:00Z"));
    RuleSet rules = RuleSet.defaultsOnly();
    SlowChannel channel = new SlowChannel();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    DeliveryLog deliveryLog = new DeliveryLog(meters);
    DefaultAlertingService service =
        new DefaultAlertingService(
            evaluator(rules, clock),
            new AlertLifecycle(new StateStore(null), List.of()),
            new NotificationDispatcher(
                List.of(channel), 1, Duration.ofSeconds(1), ms -> {}, deliveryLog, clock),
            deliveryLog,
            rules,
            clock,
            meters);
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<Evaluation> first = caller.submit(service::evaluateNow);
      assertThat(channel.sending.await(30, TimeUnit.SECONDS))
          .withFailMessage("the firing notification never reached the channel")
          .isTrue();

      // the firing message is stuck in the channel; the next evaluation still runs and completes
      clock.now = Instant.parse("2026-01-19T00:31:00Z");
      Evaluation second = service.evaluateNow();

      assertThat(second.evaluatedAt()).isEqualTo(Instant.parse("2026-01-19T00:31:00Z"));
      assertThat(service.lastEvaluation()).isSameAs(second);
      assertThat(service.alerts())
          .extracting(a -> a.getStatus(), a -> a.getLastSeenAt())
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  AlertStatus.FIRING, Instant.parse("2026-01-19T00:31:00Z")));
      assertThat(channel.release.getCount()).isEqualTo(1);
      assertThat(first.isDone()).isFalse();
      assertThat(channel.delivered).isEmpty();
      assertThat(service.deliveries()).isEmpty();

      channel.release.countDown();
      assertThat(first.get(30, TimeUnit.SECONDS).evaluatedAt())
          .isEqualTo(Instant.parse("2026-01-19T00:30:00Z"));
      assertThat(channel.delivered)
          .extracting(Notification::kind, Notification::at)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  NotificationKind.FIRING, Instant.parse("2026-01-19T00:30:00Z")));
      assertThat(service.deliveries())
          .extracting(r -> r.channel(), r -> r.delivered(), r -> r.attempts())
          .containsExactly(org.assertj.core.groups.Tuple.tuple("slow", true, 1));
    } finally {
      channel.release.countDown();
      caller.shutdownNow();
      service.stop();
    }
  }

  @Test
  void resolvedNotificationThatFailedIsRetriedWithBackoffReportedAndSentAgain() {
    MovingClock clock = new MovingClock(Instant.parse("2026-01-19T00:30:00Z"));
    RuleSet rules = RuleSet.defaultsOnly();
    Evaluator evaluator = evaluator(rules, clock);
    FlakyChannel channel = new FlakyChannel();
    List<Long> sleeps = new ArrayList<>();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    DeliveryLog deliveryLog = new DeliveryLog(meters);
    NotificationDispatcher dispatcher =
        new NotificationDispatcher(
            List.of(channel), 2, Duration.ofSeconds(1), sleeps::add, deliveryLog, clock);
    DefaultAlertingService service =
        new DefaultAlertingService(
            evaluator,
            new AlertLifecycle(new StateStore(null), List.of()),
            dispatcher,
            deliveryLog,
            rules,
            clock,
            meters);

    service.evaluateNow();
    assertThat(channel.delivered)
        .extracting(Notification::kind)
        .containsExactly(NotificationKind.FIRING);

    // sales are back at 00:35; 20 minutes after the last silent evaluation, 20 events are expected
    // and 15 came: back by the recovery test. The resolved message fails twice (both attempts)
    clock.now = Instant.parse("2026-01-19T00:40:00Z");
    service.evaluateNow();
    assertThat(channel.delivered).hasSize(1);
    assertThat(sleeps).isEmpty();
    clock.now = Instant.parse("2026-01-19T00:50:00Z");
    service.evaluateNow();
    assertThat(channel.delivered).hasSize(1);
    assertThat(sleeps).containsExactly(1000L);
    assertThat(service.deliveries())
        .extracting(r -> r.kind(), r -> r.delivered(), r -> r.attempts(), r -> r.error())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                NotificationKind.RESOLVED, false, 2, "HTTP 503 from the flaky receiver"));

    // the next evaluation sends it again, unchanged, and it goes through
    clock.now = Instant.parse("2026-01-19T00:51:00Z");
    service.evaluateNow();
    assertThat(channel.delivered)
        .extracting(Notification::kind, Notification::summary, Notification::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                NotificationKind.FIRING,
                "No CREATED events of retail.sale_v1 since 2026-01-18T23:59:00Z (31m): 31.0"
                    + " expected, P(none) = 3.4e-14 < alpha 3.7e-06; time to detect 12m",
                Instant.parse("2026-01-19T00:30:00Z")),
            org.assertj.core.groups.Tuple.tuple(
                NotificationKind.RESOLVED,
                "retail.sale_v1/CREATED events are back: 15 in the last 20m (since"
                    + " 2026-01-19T00:30:00Z, latest at 2026-01-19T00:49:00Z), 20.0 expected,"
                    + " P(at most 15) = 0.16 >= 0.01; silent for at least 31m (no events after"
                    + " 2026-01-18T23:59:00Z)",
                Instant.parse("2026-01-19T00:51:00Z")));
    assertThat(
            meters
                .counter(
                    "entityflow.alerting.notifications", "channel", "flaky", "result", "failed")
                .count())
        .isEqualTo(1.0);

    clock.now = Instant.parse("2026-01-19T00:52:00Z");
    service.evaluateNow();
    assertThat(channel.delivered).hasSize(2);
  }
}
