package io.entityflow.alerting.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.alerting.evaluation.Condition;
import io.entityflow.alerting.evaluation.Finding;
import io.entityflow.alerting.notify.IncidentUpdate;
import io.entityflow.alerting.notify.Notification;
import io.entityflow.alerting.notify.NotificationKind;
import io.entityflow.alerting.rules.AlertRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Exact notification sequences of incidents: a trickle during an outage, a DROP escalating to
 * SILENCE, series of one entity and domain going quiet together.
 */
class IncidentLifecycleTest {
  private static final AlertRule RULE = AlertRule.defaultRule();
  private static final String SALE = "retail.sale_v1/CREATED";
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration HALF_MINUTE = Duration.ofSeconds(30);

  private static Instant t(String hhmm) {
    return Instant.parse("2026-01-19T" + hhmm + ":00Z");
  }

  private static Finding finding(String series, Condition condition, Instant since) {
    return new Finding(
        RULE,
        series,
        condition,
        condition == Condition.SILENCE ? "No events since " + since : "Fewer events since " + since,
        0,
        20,
        since,
        null,
        false);
  }

  /**
   * Runs one evaluation a minute over {@code [from, to]}; findings per instant from the given
   * function.
   */
  private static List<Notification> run(
      AlertLifecycle lifecycle,
      SeriesTimeline timeline,
      Instant from,
      Instant to,
      Function<Instant, List<Finding>> findings) {
    List<Notification> out = new ArrayList<>();
    for (Instant now = from; !now.isAfter(to); now = now.plus(MINUTE)) {
      out.addAll(lifecycle.apply(timeline.evaluation(now, findings.apply(now))));
    }
    return out;
  }

  private static List<String> lines(List<Notification> notifications) {
    return notifications.stream().map(n -> n.at() + " " + n.title()).toList();
  }

  @Test
  void trickleDuringAnOutageIsOneIncidentNotAFlappingAlert() {
    SeriesTimeline timeline =
        new SeriesTimeline()
            .series(SALE, 120)
            .every(SALE, HALF_MINUTE, t("08:00"), t("09:50"))
            .at(SALE, t("10:07"), t("10:21"), t("10:35"), t("10:49"))
            .every(SALE, HALF_MINUTE, t("11:00"), t("12:00"));
    AlertLifecycle lifecycle = new AlertLifecycle(new StateStore(null), List.of());
    // the silence test of a 2-per-minute series: significant after 6 minutes without an event
    List<Notification> sent =
        run(
            lifecycle,
            timeline,
            t("09:50"),
            t("11:30"),
            now -> {
              Instant last = timeline.lastEventBefore(SALE, now);
              return Duration.between(last, now).compareTo(Duration.ofMinutes(6)) >= 0
                  ? List.of(finding(SALE, Condition.SILENCE, last))
                  : List.of();
            });
    // each trickle event ends the silence finding for a few minutes; the incident stays open
    // until ten minutes of ordinary traffic pass the recovery test
    assertThat(lines(sent))
        .containsExactly(
            "2026-01-19T09:56:00Z [FIRING] SILENCE retail.sale_v1/CREATED",
            "2026-01-19T11:10:00Z [RESOLVED] SILENCE retail.sale_v1/CREATED");
    assertThat(sent.get(1).summary())
        .isEqualTo(
            "retail.sale_v1/CREATED events are back: 20 in the last 10m (since"
                + " 2026-01-19T11:00:00Z, latest at 2026-01-19T11:09:30Z), 20.0 expected,"
                + " P(at most 20) = 0.56 >= 0.01; silent for at least 11m (no events after"
                + " 2026-01-19T10:49:00Z)");
    assertThat(sent.get(1).dedupKey()).isEqualTo(sent.get(0).dedupKey());
    // the incident's hours, from its last event before the silence to its resolve, teach nothing
    java.util.function.Predicate<Instant> excluded = lifecycle.forSeries(SALE);
    assertThat(
            List.of(t("08:00"), t("09:00"), t("10:00"), t("11:00"), t("12:00")).stream()
                .map(excluded::test)
                .toList())
        .containsExactly(false, true, true, true, false);
    assertThat(lifecycle.forSeries("retail.sale_v1/UPDATED").test(t("10:00"))).isFalse();
  }

  @Test
  void silencedHoursTeachNothingAlsoAfterTheSilenceExpired() {
    AlertLifecycle lifecycle = new AlertLifecycle(new StateStore(null), List.of());
    lifecycle.addSilence("retail.sale_v1", t("10:30"), t("11:00"), "deploy", "ops");
    SeriesTimeline timeline = new SeriesTimeline().series(SALE, 120);
    lifecycle.apply(timeline.evaluation(t("12:00"), List.of()));
    assertThat(lifecycle.silences(t("12:00"))).isEmpty();
    java.util.function.Predicate<Instant> excluded = lifecycle.forSeries(SALE);
    assertThat(List.of(t("09:00"), t("10:00"), t("11:00")).stream().map(excluded::test).toList())
        .containsExactly(false, true, false);
  }

  @Test
  void windowThatStaysLowRestartsAndNeverResolvesOnOneEvent() {
    SeriesTimeline timeline =
        new SeriesTimeline()
            .series(SALE, 120)
            .every(SALE, HALF_MINUTE, t("08:00"), t("10:00"))
            .every(SALE, Duration.ofMinutes(4), t("10:10"), t("11:00"));
    AlertLifecycle lifecycle = new AlertLifecycle(new StateStore(null), List.of());
    // found silent from 10:06 to 10:10 only; then 1 event every 4 minutes (12% of normal): the
    // silence test no longer fires, and every 10-minute window (20 expected, 2-3 seen) is low
    List<Notification> sent =
        run(
            lifecycle,
            timeline,
            t("10:00"),
            t("11:00"),
            now ->
                !now.isBefore(t("10:06")) && !now.isAfter(t("10:10"))
                    ? List.of(finding(SALE, Condition.SILENCE, t("09:59")))
                    : List.of());
    assertThat(lines(sent))
        .containsExactly("2026-01-19T10:06:00Z [FIRING] SILENCE retail.sale_v1/CREATED");
    assertThat(lifecycle.alerts())
        .extracting(AlertRecord::getStatus)
        .containsExactly(AlertStatus.FIRING);
  }

  @Test
  void dropEscalatesToSilenceAsOneIncidentWithOneUpdate() {
    SeriesTimeline timeline =
        new SeriesTimeline()
            .series(SALE, 120)
            .every(SALE, HALF_MINUTE, t("08:00"), t("09:00"))
            .every(SALE, HALF_MINUTE, t("10:30"), t("11:30"));
    AlertLifecycle lifecycle = new AlertLifecycle(new StateStore(null), List.of());
    List<Notification> sent =
        run(
            lifecycle,
            timeline,
            t("10:00"),
            t("10:50"),
            now -> {
              if (now.isAfter(t("10:30"))) {
                return List.of();
              }
              // DROP; a 3-minute SILENCE that does not hold; DROP again; then SILENCE for good
              boolean silent =
                  (!now.isBefore(t("10:05")) && now.isBefore(t("10:08")))
                      || !now.isBefore(t("10:12"));
              return List.of(
                  silent
                      ? finding(SALE, Condition.SILENCE, t("09:00"))
                      : finding(SALE, Condition.DROP, t("09:00")));
            });
    assertThat(lines(sent))
        .containsExactly(
            "2026-01-19T10:00:00Z [FIRING] DROP retail.sale_v1/CREATED",
            "2026-01-19T10:22:00Z [UPDATED] SILENCE retail.sale_v1/CREATED (escalated from DROP)",
            "2026-01-19T10:40:00Z [RESOLVED] SILENCE retail.sale_v1/CREATED");
    assertThat(sent).extracting(Notification::dedupKey).containsOnly(sent.get(0).dedupKey());
    assertThat(sent).extracting(Notification::pages).containsExactly(true, false, false);
    Notification update = sent.get(1);
    assertThat(update.previousCondition()).isEqualTo("DROP");
    assertThat(update.summary())
        .isEqualTo(
            "retail.sale_v1/CREATED escalated from DROP to SILENCE: No events since"
                + " 2026-01-19T09:00:00Z");
    AlertRecord incident = lifecycle.alerts().get(0);
    assertThat(incident.getHistory())
        .extracting(IncidentUpdate::at, IncidentUpdate::kind, IncidentUpdate::condition)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(t("10:00"), NotificationKind.FIRING, "DROP"),
            org.assertj.core.groups.Tuple.tuple(t("10:22"), NotificationKind.UPDATED, "SILENCE"),
            org.assertj.core.groups.Tuple.tuple(t("10:40"), NotificationKind.RESOLVED, "SILENCE"));
  }

  @Test
  void seriesOfOneEntityAndDomainGoingQuietTogetherAreOneGroupedIncident() {
    String saleUpdated = "retail.sale_v1/UPDATED";
    String customer = "retail.customer_v1/CREATED";
    String parcel = "logistics.parcel_v1/CREATED";
    String saleDeleted = "retail.sale_v1/DELETED";
    SeriesTimeline timeline = new SeriesTimeline();
    for (String s : List.of(SALE, saleUpdated, customer, parcel, saleDeleted)) {
      timeline.series(s, 120).every(s, HALF_MINUTE, t("08:00"), t("09:00"));
      timeline.every(s, HALF_MINUTE, t("10:30"), t("11:30"));
    }
    Map<String, Instant> quietFrom =
        Map.of(
            SALE, t("10:00"),
            saleUpdated, t("10:00"),
            customer, t("10:04"),
            parcel, t("10:05"),
            saleDeleted, t("10:20"));
    AlertLifecycle lifecycle = new AlertLifecycle(new StateStore(null), List.of());
    List<Notification> sent =
        run(
            lifecycle,
            timeline,
            t("10:00"),
            t("10:45"),
            now ->
                quietFrom.entrySet().stream()
                    .filter(e -> !now.isBefore(e.getValue()) && !now.isAfter(t("10:30")))
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> finding(e.getKey(), Condition.SILENCE, t("09:00")))
                    .toList());
    assertThat(lines(sent))
        .containsExactly(
            "2026-01-19T10:00:00Z [FIRING] SILENCE retail.sale_v1 (2 series)",
            "2026-01-19T10:04:00Z [UPDATED] SILENCE retail (2 entities, 3 series)",
            "2026-01-19T10:05:00Z [FIRING] SILENCE logistics.parcel_v1/CREATED",
            "2026-01-19T10:20:00Z [FIRING] SILENCE retail.sale_v1/DELETED",
            "2026-01-19T10:40:00Z [RESOLVED] SILENCE retail (2 entities, 3 series)",
            "2026-01-19T10:40:00Z [RESOLVED] SILENCE logistics.parcel_v1/CREATED",
            "2026-01-19T10:40:00Z [RESOLVED] SILENCE retail.sale_v1/DELETED");
    assertThat(sent.get(0).members()).containsExactly(SALE, saleUpdated);
    assertThat(sent.get(0).summary())
        .isEqualTo(
            "2 series quiet together: retail.sale_v1/CREATED SILENCE: No events since"
                + " 2026-01-19T09:00:00Z; retail.sale_v1/UPDATED SILENCE: No events since"
                + " 2026-01-19T09:00:00Z");
    assertThat(sent.get(1).dedupKey()).isEqualTo(sent.get(0).dedupKey());
    assertThat(sent.get(1).dedupKey()).isEqualTo(Finding.dedupKey("default", SALE));
    assertThat(sent.get(1).summary())
        .isEqualTo(
            "retail.customer_v1/CREATED joined (SILENCE): No events since 2026-01-19T09:00:00Z");
    assertThat(sent.get(1).members()).containsExactly(SALE, saleUpdated, customer);
    assertThat(sent.get(4).dedupKey()).isEqualTo(sent.get(0).dedupKey());
    assertThat(sent.get(4).summary())
        .startsWith(
            "All series of retail (2 entities, 3 series) are back; last:"
                + " retail.customer_v1/CREATED events are back: 20 in the last 10m");
    assertThat(sent)
        .extracting(Notification::pages)
        .containsExactly(true, false, true, true, false, false, false);
  }

  @Test
  void stateFileFromBeforeIncidentsPagesNothingAgain(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("state.json");
    // written before incidents existed: alerts keyed by rule, series and condition
    Files.writeString(
        file,
        """
        {"alerts":[{"dedupKey":"ef-0123456789abcdef","ruleId":"default",
          "seriesId":"retail.sale_v1/CREATED","condition":"SILENCE","status":"FIRING",
          "summary":"No events","notified":true,"firedAt":"2026-01-19T09:56:00Z",
          "lastNotifiedAt":"2026-01-19T09:56:00Z","watchedUntil":"2026-01-19T09:59:00Z",
          "watchedHourCount":0,"channels":[]}],
         "silences":[]}
        """);
    SeriesTimeline timeline =
        new SeriesTimeline()
            .series(SALE, 120)
            .every(SALE, HALF_MINUTE, t("08:00"), t("09:50"))
            .every(SALE, HALF_MINUTE, t("10:05"), t("11:00"));
    AlertLifecycle lifecycle = new AlertLifecycle(new StateStore(file), List.of());
    List<Notification> sent =
        run(
            lifecycle,
            timeline,
            t("10:00"),
            t("10:30"),
            now ->
                now.isBefore(t("10:05"))
                    ? List.of(finding(SALE, Condition.SILENCE, t("09:49")))
                    : List.of());
    assertThat(lines(sent))
        .containsExactly("2026-01-19T10:14:00Z [RESOLVED] SILENCE retail.sale_v1/CREATED");
    assertThat(sent.get(0).dedupKey()).isEqualTo("ef-0123456789abcdef");
  }
}
