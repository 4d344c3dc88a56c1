package io.entityflow.alerting.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.alerting.backtest.OnCallMessage.Kind;
import io.entityflow.alerting.notify.Notification;
import io.entityflow.alerting.notify.NotificationKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationScoreTest {
  private static Instant at(String t) {
    return Instant.parse("2026-02-" + t + "Z");
  }

  private static OnCallMessage m(String at, String started, Kind kind) {
    return new OnCallMessage(at(at), at(started), kind);
  }

  @Test
  void pagesAreAttributedByTheStartOfTheirAlertAndCountedPerIncident() {
    Incident outage =
        Incident.outage("total", at("03T10:00:00"), at("03T12:00:00"), Duration.ofHours(6));
    Incident shift = Incident.levelShift("shift", at("10T00:00:00"), Duration.ofDays(7));
    List<OnCallMessage> messages =
        List.of(
            m("01T05:00:00", "01T05:00:00", Kind.PAGE), // false
            m("01T06:00:00", "01T05:00:00", Kind.RESOLVE), // its end: a false resolve
            m("03T10:12:00", "03T10:12:00", Kind.PAGE), // detects the outage
            m("03T13:00:00", "03T10:12:00", Kind.UPDATE), // does not page, not counted
            m("03T13:00:00", "03T13:00:00", Kind.PAGE), // a second alert, inside the grace
            m("04T02:00:00", "03T10:12:00", Kind.RESOLVE), // resolves after the window: still its
            m("04T03:00:00", "03T13:00:00", Kind.RESOLVE),
            m("12T00:00:00", "12T00:00:00", Kind.PAGE), // inside the shift's 7 days
            m("18T00:00:00", "18T00:00:00", Kind.PAGE)); // after it settled: false and late
    NotificationScore s =
        NotificationScore.of(messages, List.of(outage, shift), Duration.ofDays(20));

    assertThat(s.pages()).isEqualTo(5);
    assertThat(s.updates()).isEqualTo(1);
    assertThat(s.resolves()).isEqualTo(3);
    assertThat(s.falsePages()).isEqualTo(2);
    assertThat(s.falseResolves()).isEqualTo(1);
    assertThat(s.lateFalsePages()).isEqualTo(1);
    assertThat(s.falsePagesPerMonth()).isEqualTo(3.0);
    assertThat(s.incidents().get(0).firstPageAt()).isEqualTo(at("03T10:12:00"));
    assertThat(s.incidents().get(0).delay()).isEqualTo(Duration.ofMinutes(12));
    assertThat(s.incidents().get(0).notifications()).isEqualTo(4);
    assertThat(s.incidents().get(1).notifications()).isEqualTo(1);
  }

  @Test
  void anOutageWithoutPageInItsWindowIsMissed() {
    Incident outage =
        Incident.outage("total", at("03T10:00:00"), at("03T12:00:00"), Duration.ofHours(6));
    NotificationScore s =
        NotificationScore.of(
            List.of(m("03T18:00:00", "03T18:00:00", Kind.PAGE)),
            List.of(outage),
            Duration.ofDays(30));
    assertThat(s.incidents().get(0).firstPageAt()).isNull();
    assertThat(s.incidents().get(0).delay()).isNull();
    assertThat(s.falsePages()).isEqualTo(1);
    assertThat(s.falsePagesPerMonth()).isEqualTo(1.0);
  }

  @Test
  void aFirstFiringPagesItsRepeatsAndOtherKindsDoNot() {
    Instant started = at("03T10:12:00");
    Notification first = notification(NotificationKind.FIRING, false, started, started);
    Notification repeat =
        notification(NotificationKind.FIRING, true, started, started.plusSeconds(14400));
    Notification resolved =
        notification(NotificationKind.RESOLVED, false, started, started.plusSeconds(20000));
    assertThat(OnCallMessage.of(first)).isEqualTo(new OnCallMessage(started, started, Kind.PAGE));
    assertThat(OnCallMessage.of(repeat).kind()).isEqualTo(Kind.UPDATE);
    assertThat(OnCallMessage.of(repeat).alertStartedAt()).isEqualTo(started);
    assertThat(OnCallMessage.of(resolved).kind()).isEqualTo(Kind.RESOLVE);
  }

  private static Notification notification(
      NotificationKind kind, boolean repeat, Instant started, Instant at) {
    return new Notification(
        "ef-1",
        kind,
        repeat,
        "default",
        "csv.csv/EVENTS",
        "SILENCE",
        "s",
        0,
        1,
        started,
        at,
        List.of());
  }
}
