package io.entityflow.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.alerting.model.Sensitivity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertRuleBuilderTest {
  private static final AlertRule BASE = AlertRule.defaultRule();

  @Test
  void builderStartsFromEveryPartOfTheRule() {
    AlertRule custom =
        new AlertRule(
            "sales",
            new RuleMatch("retail", "sale_v1", "CREATED"),
            false,
            Sensitivity.parse("high"),
            ZoneId.of("Europe/Berlin"),
            "store_id",
            null,
            0.3,
            Set.of(LocalDate.parse("2026-12-25")),
            List.of(),
            Duration.ofMinutes(5),
            Duration.ofHours(1),
            Duration.ofMinutes(10),
            List.of("slack"));
    assertThat(custom.toBuilder().build()).isEqualTo(custom);
  }

  @Test
  void eachSetterChangesOnlyItsPart() {
    AlertRule berlin =
        BASE.toBuilder().id("berlin").zone(ZoneId.of("Europe/Berlin")).dropRatio(0.25).build();
    assertThat(berlin)
        .isEqualTo(
            new AlertRule(
                "berlin",
                BASE.match(),
                BASE.enabled(),
                BASE.sensitivity(),
                ZoneId.of("Europe/Berlin"),
                BASE.segmentColumn(),
                BASE.staticMinimum(),
                0.25,
                BASE.holidays(),
                BASE.maintenance(),
                BASE.pendingFor(),
                BASE.repeatInterval(),
                BASE.cooldown(),
                BASE.channels()));
  }

  @Test
  void withMethodsKeepTheOtherParts() {
    Set<LocalDate> christmas = Set.of(LocalDate.parse("2026-12-25"));
    AlertRule rule = BASE.withHolidays(christmas).withPendingFor(Duration.ofMinutes(3));
    assertThat(rule.holidays()).isEqualTo(christmas);
    assertThat(rule.pendingFor()).isEqualTo(Duration.ofMinutes(3));
    assertThat(rule.toBuilder().holidays(Set.of()).pendingFor(Duration.ZERO).build())
        .isEqualTo(BASE);
    assertThat(rule.quiet(Instant.parse("2026-12-25T10:00:00Z"))).isTrue();
  }
}
