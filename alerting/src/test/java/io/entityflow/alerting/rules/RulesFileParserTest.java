package io.entityflow.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RulesFileParserTest {
  static final String RULES =
      """
      defaults:
        sensitivity: low
        repeat-interval: PT2H
        holidays: [2026-12-25]
      maintenance:
        - from: 2026-11-01T00:00:00Z
          to: 2026-11-01T04:00:00Z
          reason: warehouse migration
      rules:
        - id: sales-per-store
          match: {table: sale_v1, operation: CREATED}
          segment: store_id
          sensitivity: high
        - id: signups-business-hours
          match: {dataset: energy, table: user_v1, operation: CREATED}
          type: static
          minimum: 5
          window: PT2H
          business-hours: "09:00-18:00"
          days: [MON, TUE, WED, THU, FRI]
          time-zone: Europe/Berlin
          holidays: [2026-05-01]
          channels: [slack, email]
        - id: no-snapshots
          match: {operation: SNAPSHOT}
          enabled: false
      silences:
        - match: retail.loyalty_accrual_v1
          until: 2026-12-01T00:00:00Z
          reason: loyalty relaunch
      """;

  @Test
  void rulesInheritDefaultsAndTheFirstMatchWins() {
    RuleSet set = RulesFileParser.parse(RULES, "inline");
    AlertRule sales = set.ruleFor("retail", "sale_v1", "CREATED");
    assertThat(sales.id()).isEqualTo("sales-per-store");
    assertThat(sales.segmentColumn()).isEqualTo("store_id");
    assertThat(sales.sensitivity().falseAlertsPerMonth()).isEqualTo(1.0);
    assertThat(sales.repeatInterval()).isEqualTo(Duration.ofHours(2));
    assertThat(sales.quiet(Instant.parse("2026-11-01T02:00:00Z"))).isTrue();
    assertThat(sales.quiet(Instant.parse("2026-12-25T12:00:00Z"))).isTrue();

    AlertRule signups = set.ruleFor("energy", "user_v1", "CREATED");
    StaticMinimum minimum = signups.staticMinimum();
    assertThat(minimum.minimum()).isEqualTo(5);
    assertThat(minimum.window()).isEqualTo(Duration.ofHours(2));
    assertThat(minimum.hours())
        .isEqualTo(
            new BusinessHours(
                LocalTime.of(9, 0),
                LocalTime.of(18, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                ZoneId.of("Europe/Berlin")));
    assertThat(signups.holidays())
        .isEqualTo(Set.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-05-01")));
    assertThat(signups.channels()).isEqualTo(List.of("slack", "email"));

    AlertRule other = set.ruleFor("retail", "sale_v1", "DELETED");
    assertThat(other.id()).isEqualTo("default");
    assertThat(other.sensitivity().falseAlertsPerMonth()).isEqualTo(0.05);
    assertThat(set.ruleFor("retail", "sale_v1", "SNAPSHOT").enabled()).isFalse();

    assertThat(set.silences()).hasSize(1);
    assertThat(set.silences().get(0).matcher()).isEqualTo("retail.loyalty_accrual_v1");
    assertThat(set.silences().get(0).endsAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
  }

  @Test
  void unknownKeyIsRefusedWithTheAllowedKeys() {
    assertThatThrownBy(
            () ->
                RulesFileParser.parse(
                    "rules:\n  - id: x\n    match: {}\n    treshold: 3\n", "r.yaml"))
        .isInstanceOf(RulesException.class)
        .hasMessage(
            "rules file r.yaml: rule #1 has unknown key 'treshold'; allowed: business-hours,"
                + " calendar, channels, cooldown, days, drop-ratio, enabled, holidays, id, match, minimum,"
                + " pending-for, repeat-interval, segment, sensitivity, time-zone, type, window");
  }

  @Test
  void badTimeZoneNamesRuleKeyAndValue() {
    assertThatThrownBy(
            () ->
                RulesFileParser.parse(
                    "rules:\n  - id: x\n    match: {}\n    time-zone: Mars/Olympus\n", "r.yaml"))
        .hasMessage(
            "rules file r.yaml: rule 'x' key 'time-zone' has invalid value 'Mars/Olympus';"
                + " expected an IANA zone such as Europe/Berlin");
  }

  @Test
  void staticRuleWithoutMinimumIsRefused() {
    assertThatThrownBy(
            () ->
                RulesFileParser.parse(
                    "rules:\n  - id: s\n    match: {}\n    type: static\n", "r.yaml"))
        .hasMessage(
            "rules file r.yaml: rule 's' key 'minimum' has no value; expected a whole number of"
                + " events, e.g. 5 (required for type static)");
  }
}
