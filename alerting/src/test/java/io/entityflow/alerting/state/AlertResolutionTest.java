package io.entityflow.alerting.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.alerting.evaluation.ChartPoint;
import io.entityflow.alerting.evaluation.Condition;
import io.entityflow.alerting.evaluation.Evaluation;
import io.entityflow.alerting.evaluation.Evaluator;
import io.entityflow.alerting.evaluation.Finding;
import io.entityflow.alerting.evaluation.SeriesState;
import io.entityflow.alerting.evaluation.SeriesStatus;
import io.entityflow.alerting.model.Baseline;
import io.entityflow.alerting.model.HourOfWeek;
import io.entityflow.alerting.notify.Notification;
import io.entityflow.alerting.notify.NotificationKind;
import io.entityflow.alerting.rules.AlertRule;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertResolutionTest {
  @TempDir Path dir;
  private static final String SERIES = "retail.sale_v1/CREATED";
  private static final AlertRule RULE = AlertRule.defaultRule();
  private static final Instant SINCE = Instant.parse("2026-01-19T10:05:00Z");

  private static Finding silence() {
    return new Finding(
        RULE, SERIES, Condition.SILENCE, "No CREATED events", 0, 31, SINCE, null, false);
  }

  private static SeriesStatus status(Instant lastEvent, long thisHour, List<ChartPoint> chart) {
    return new SeriesStatus(
        SERIES,
        "default",
        SeriesState.OK,
        "Poisson",
        60,
        lastEvent,
        1e-6,
        null,
        "ok",
        chart,
        thisHour);
  }

  /** A flat baseline of 60 events per hour: one a minute. */
  private static Baseline perMinute() {
    double[] rates = new double[HourOfWeek.HOURS];
    Arrays.fill(rates, 60);
    return new Baseline(rates, 1.0, 0, ZoneOffset.UTC, Duration.ofDays(28), h -> false);
  }

  private static Evaluation at(Instant now, SeriesStatus status, Finding... findings) {
    return new Evaluation(
        now, now, null, List.of(status), List.of(findings), null, Map.of(SERIES, perMinute()));
  }

  @Test
  void resolvedMessageSaysWhatCameBackNotTheFiringSummary() {
    AlertLifecycle lifecycle = new AlertLifecycle(new StateStore(null), List.of());
    Instant fired = Instant.parse("2026-01-19T10:40:00Z");
    lifecycle.apply(at(fired, status(SINCE, 4, List.of()), silence()));
    // 12 events in 5 minutes: too short a window to tell (10 minutes, 20 expected events)
    assertThat(
            lifecycle.apply(
                at(
                    Instant.parse("2026-01-19T10:45:00Z"),
                    status(Instant.parse("2026-01-19T10:44:30Z"), 16, List.of()))))
        .isEmpty();
    // 19 minutes, 19 expected: still too few to tell; at 11:00, 20 in 20 minutes: back
    assertThat(
            lifecycle.apply(
                at(
                    Instant.parse("2026-01-19T10:59:00Z"),
                    status(Instant.parse("2026-01-19T10:58:30Z"), 23, List.of()))))
        .isEmpty();
    Instant back = Instant.parse("2026-01-19T11:00:00Z");
    List<ChartPoint> chart =
        List.of(new ChartPoint(Instant.parse("2026-01-19T10:00:00Z"), 24, 60, 50, 70));
    List<Notification> resolved =
        lifecycle.apply(at(back, status(Instant.parse("2026-01-19T10:59:30Z"), 0, chart)));
    assertThat(resolved).extracting(Notification::kind).containsExactly(NotificationKind.RESOLVED);
    assertThat(resolved.get(0).summary())
        .isEqualTo(
            "retail.sale_v1/CREATED events are back: 20 in the last 20m (since"
                + " 2026-01-19T10:40:00Z, latest at 2026-01-19T10:59:30Z), 20.0 expected,"
                + " P(at most 20) = 0.56 >= 0.01; silent for at least 35m (no events after"
                + " 2026-01-19T10:05:00Z)");
    assertThat(lifecycle.alerts().get(0).getResolvedSummary()).isEqualTo(resolved.get(0).summary());
    assertThat(lifecycle.alerts().get(0).getSummary()).isEqualTo("No CREATED events");
  }

  @Test
  void silenceRecoveryBelowTheDropBreakEvenRestartsTheWindow() {
    AlertLifecycle lifecycle = new AlertLifecycle(new StateStore(null), List.of());
    lifecycle.apply(
        at(Instant.parse("2026-01-19T10:40:00Z"), status(SINCE, 4, List.of()), silence()));
    // 14 in 20 minutes expecting 20: P(at most 14) = 0.10 passes alpha, but 14 is under the
    // break-even of a drop to half (20 x 0.5 / ln 2 = 14.4): a trickle, not a recovery
    List<ChartPoint> chart =
        List.of(new ChartPoint(Instant.parse("2026-01-19T10:00:00Z"), 18, 60, 50, 70));
    assertThat(
            lifecycle.apply(
                at(
                    Instant.parse("2026-01-19T11:00:00Z"),
                    status(Instant.parse("2026-01-19T10:59:30Z"), 0, chart))))
        .isEmpty();
    // the window restarted at 11:00: 20 in the next 20 minutes is back
    List<Notification> resolved =
        lifecycle.apply(
            at(
                Instant.parse("2026-01-19T11:20:00Z"),
                status(Instant.parse("2026-01-19T11:19:30Z"), 20, chart)));
    assertThat(resolved).extracting(Notification::kind).containsExactly(NotificationKind.RESOLVED);
    assertThat(resolved.get(0).summary())
        .startsWith(
            "retail.sale_v1/CREATED events are back: 20 in the last 20m (since"
                + " 2026-01-19T11:00:00Z, latest at 2026-01-19T11:19:30Z), 20.0 expected,"
                + " P(at most 20) = 0.56 >= 0.01");
  }

  @Test
  void eventsBackAcrossAnHourCountTheRestOfTheWatchedHourAndTheHoursAfter() {
    AlertLifecycle lifecycle = new AlertLifecycle(new StateStore(null), List.of());
    lifecycle.apply(
        at(Instant.parse("2026-01-19T10:40:00Z"), status(SINCE, 4, List.of()), silence()));
    List<ChartPoint> chart =
        List.of(
            new ChartPoint(Instant.parse("2026-01-19T09:00:00Z"), 60, 60, 50, 70),
            new ChartPoint(Instant.parse("2026-01-19T10:00:00Z"), 24, 60, 50, 70));
    List<Notification> resolved =
        lifecycle.apply(
            at(
                Instant.parse("2026-01-19T11:05:00Z"),
                status(Instant.parse("2026-01-19T11:04:10Z"), 5, chart)));
    assertThat(resolved.get(0).summary())
        .startsWith(
            "retail.sale_v1/CREATED events are back: 25 in the last 25m (since"
                + " 2026-01-19T10:40:00Z, latest at 2026-01-19T11:04:10Z), 25.0 expected");
  }

  @Test
  void resolvedNotificationThatReachedNoChannelIsSentAgainAlsoAfterARestart() {
    Path file = dir.resolve("state.json");
    AlertLifecycle lifecycle = new AlertLifecycle(new StateStore(file), List.of());
    Instant t0 = Instant.parse("2026-01-19T10:10:00Z");
    lifecycle.apply(at(t0, status(SINCE, 0, List.of()), silence()));
    Notification resolved =
        lifecycle
            .apply(at(t0.plusSeconds(1200), status(t0.plusSeconds(1190), 20, List.of())))
            .get(0);
    assertThat(resolved.kind()).isEqualTo(NotificationKind.RESOLVED);
    lifecycle.markUndelivered(resolved.dedupKey(), NotificationKind.RESOLVED);
    assertThat(lifecycle.alerts().get(0).isResolveUndelivered()).isTrue();

    AlertLifecycle restarted = new AlertLifecycle(new StateStore(file), List.of());
    List<Notification> again =
        restarted.apply(at(t0.plusSeconds(1260), status(t0.plusSeconds(1250), 21, List.of())));
    assertThat(again)
        .extracting(
            Notification::dedupKey,
            Notification::kind,
            Notification::seriesId,
            Notification::summary,
            Notification::startedAt,
            Notification::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                resolved.dedupKey(),
                NotificationKind.RESOLVED,
                SERIES,
                resolved.summary(),
                t0,
                t0.plusSeconds(1260)));
    assertThat(
            restarted.apply(at(t0.plusSeconds(1320), status(t0.plusSeconds(1310), 22, List.of()))))
        .isEmpty();
  }

  @Test
  void ingestionDownWaitsItsPendingForAndResolvesOnlyAfterStayingBack() {
    AlertRule ingestionRule = RULE.withPendingFor(Duration.ofMinutes(2));
    Finding down =
        new Finding(
            ingestionRule,
            Evaluator.INGESTION,
            Condition.INGESTION_DOWN,
            "Ingestion down",
            0,
            40,
            SINCE,
            null,
            false);
    AlertLifecycle lifecycle =
        new AlertLifecycle(new StateStore(null), List.of(), Duration.ofMinutes(2));
    Instant t0 = Instant.parse("2026-01-19T10:40:00Z");
    SeriesStatus quiet = status(SINCE, 4, List.of());
    // a one-evaluation blip (pipeline latency) never fires
    assertThat(lifecycle.apply(at(t0, quiet, down))).isEmpty();
    assertThat(lifecycle.apply(at(t0.plusSeconds(60), quiet))).isEmpty();
    assertThat(lifecycle.alerts()).isEmpty();
    // held for 2 minutes: fires
    assertThat(lifecycle.apply(at(t0.plusSeconds(120), quiet, down))).isEmpty();
    assertThat(lifecycle.apply(at(t0.plusSeconds(180), quiet, down))).isEmpty();
    assertThat(lifecycle.apply(at(t0.plusSeconds(240), quiet, down)))
        .extracting(Notification::kind)
        .containsExactly(NotificationKind.FIRING);
    // back for one minute, then down again: still the same firing alert, nothing sent
    assertThat(lifecycle.apply(at(t0.plusSeconds(300), quiet))).isEmpty();
    assertThat(lifecycle.alerts().get(0).getStatus()).isEqualTo(AlertStatus.FIRING);
    assertThat(lifecycle.apply(at(t0.plusSeconds(360), quiet, down))).isEmpty();
    // back for 2 minutes: resolves once
    assertThat(lifecycle.apply(at(t0.plusSeconds(420), quiet))).isEmpty();
    SeriesStatus flowing = status(Instant.parse("2026-01-19T10:47:55Z"), 30, List.of());
    List<Notification> resolved = lifecycle.apply(at(t0.plusSeconds(480), flowing));
    assertThat(resolved)
        .extracting(Notification::kind, Notification::summary)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                NotificationKind.RESOLVED,
                "Ingestion is back: events judged through 2026-01-19T10:48:00Z, latest event at"
                    + " 2026-01-19T10:47:55Z"));
  }
}
