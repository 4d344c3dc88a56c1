package io.entityflow.alerting.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.alerting.evaluation.Condition;
import io.entityflow.alerting.evaluation.Evaluation;
import io.entityflow.alerting.evaluation.Finding;
import io.entityflow.alerting.notify.Notification;
import io.entityflow.alerting.notify.NotificationKind;
import io.entityflow.alerting.rules.AlertRule;
import io.entityflow.alerting.rules.RuleMatch;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertLifecycleTest {
  @TempDir Path dir;
  private static final Instant T0 = Instant.parse("2026-01-19T00:30:00Z");
  private static final AlertRule RULE = AlertRule.defaultRule();

  private static Finding silence(AlertRule rule) {
    return new Finding(
        rule,
        "retail.sale_v1/CREATED",
        Condition.SILENCE,
        "No CREATED events",
        0,
        31,
        T0,
        null,
        false);
  }

  private static Evaluation at(Instant now, Finding... findings) {
    return new Evaluation(now, now, null, List.of(), List.of(findings));
  }

  @Test
  void firesOnceRepeatsAfterTheIntervalAndResolvesToTheSameChannels() {
    AlertLifecycle lifecycle = new AlertLifecycle(new StateStore(dir.resolve("s.json")), List.of());
    List<Notification> first = lifecycle.apply(at(T0, silence(RULE)));
    assertThat(first).hasSize(1);
    Notification n = first.get(0);
    assertThat(n.kind()).isEqualTo(NotificationKind.FIRING);
    assertThat(n.repeat()).isFalse();
    assertThat(n.dedupKey()).isEqualTo(silence(RULE).dedupKey());
    assertThat(n.title()).isEqualTo("[FIRING] SILENCE retail.sale_v1/CREATED");
    assertThat(lifecycle.alerts().get(0).getStatus()).isEqualTo(AlertStatus.FIRING);

    assertThat(lifecycle.apply(at(T0.plus(Duration.ofMinutes(1)), silence(RULE)))).isEmpty();
    List<Notification> repeat = lifecycle.apply(at(T0.plus(Duration.ofHours(4)), silence(RULE)));
    assertThat(repeat).extracting(Notification::repeat).containsExactly(true);

    List<Notification> resolved = lifecycle.apply(at(T0.plus(Duration.ofHours(5))));
    assertThat(resolved).hasSize(1);
    assertThat(resolved.get(0).kind()).isEqualTo(NotificationKind.RESOLVED);
    assertThat(resolved.get(0).dedupKey()).isEqualTo(n.dedupKey());
    assertThat(lifecycle.alerts().get(0).getStatus()).isEqualTo(AlertStatus.RESOLVED);
  }

  @Test
  void undeliveredFiringIsSentAgainAtTheNextEvaluation() {
    AlertLifecycle lifecycle = new AlertLifecycle(new StateStore(null), List.of());
    Notification first = lifecycle.apply(at(T0, silence(RULE))).get(0);
    lifecycle.markUndelivered(first.dedupKey());
    assertThat(lifecycle.apply(at(T0.plusSeconds(60), silence(RULE))))
        .extracting(Notification::kind, Notification::repeat)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(NotificationKind.FIRING, false));
    assertThat(lifecycle.apply(at(T0.plusSeconds(120), silence(RULE)))).isEmpty();
  }

  @Test
  void restartFromTheStateFileSendsNoDuplicate() {
    Path file = dir.resolve("state.json");
    assertThat(new AlertLifecycle(new StateStore(file), List.of()).apply(at(T0, silence(RULE))))
        .hasSize(1);
    AlertLifecycle restarted = new AlertLifecycle(new StateStore(file), List.of());
    assertThat(restarted.apply(at(T0.plusSeconds(60), silence(RULE)))).isEmpty();
    assertThat(restarted.apply(at(T0.plusSeconds(120))))
        .extracting(Notification::kind)
        .containsExactly(NotificationKind.RESOLVED);
  }

  @Test
  void pendingForDelaysFiringAndCooldownHoldsARefire() {
    AlertRule rule =
        new AlertRule(
            "slow",
            RuleMatch.ANY,
            true,
            RULE.sensitivity(),
            RULE.zone(),
            null,
            null,
            0.5,
            Set.of(),
            List.of(),
            Duration.ofMinutes(5),
            Duration.ofHours(4),
            Duration.ofMinutes(30),
            List.of("slack"));
    AlertLifecycle lifecycle = new AlertLifecycle(new StateStore(null), List.of());
    assertThat(lifecycle.apply(at(T0, silence(rule)))).isEmpty();
    assertThat(lifecycle.alerts().get(0).getStatus()).isEqualTo(AlertStatus.PENDING);
    List<Notification> fired = lifecycle.apply(at(T0.plus(Duration.ofMinutes(5)), silence(rule)));
    assertThat(fired).extracting(Notification::channels).containsExactly(List.of("slack"));
    assertThat(lifecycle.apply(at(T0.plus(Duration.ofMinutes(6))))).hasSize(1);
    // back within the 30-minute cooldown: pending, silent
    assertThat(lifecycle.apply(at(T0.plus(Duration.ofMinutes(10)), silence(rule)))).isEmpty();
    assertThat(lifecycle.apply(at(T0.plus(Duration.ofMinutes(20)), silence(rule)))).isEmpty();
    assertThat(lifecycle.apply(at(T0.plus(Duration.ofMinutes(36)), silence(rule))))
        .extracting(Notification::kind)
        .containsExactly(NotificationKind.FIRING);
  }

  @Test
  void silencedAlertsSendNothingUntilTheSilenceExpires() {
    AlertLifecycle lifecycle = new AlertLifecycle(new StateStore(dir.resolve("s.json")), List.of());
    Silence s =
        lifecycle.addSilence("retail.sale_v1", T0, T0.plus(Duration.ofHours(1)), "deploy", "ops");
    assertThat(lifecycle.silences(T0)).containsExactly(s);
    assertThat(lifecycle.apply(at(T0, silence(RULE)))).isEmpty();
    assertThat(lifecycle.alerts().get(0).getStatus()).isEqualTo(AlertStatus.FIRING);
    assertThat(lifecycle.apply(at(T0.plus(Duration.ofHours(1)), silence(RULE))))
        .extracting(Notification::kind)
        .containsExactly(NotificationKind.FIRING);
    assertThat(lifecycle.silences(T0.plus(Duration.ofHours(1)))).isEmpty();
  }

  @Test
  void suppressedFindingsKeepFiringAlertsWithoutNotifying() {
    AlertLifecycle lifecycle = new AlertLifecycle(new StateStore(null), List.of());
    lifecycle.apply(at(T0, silence(RULE)));
    assertThat(lifecycle.apply(at(T0.plus(Duration.ofHours(5)), silence(RULE).asSuppressed())))
        .isEmpty();
    assertThat(lifecycle.alerts().get(0).getStatus()).isEqualTo(AlertStatus.FIRING);
  }
}
