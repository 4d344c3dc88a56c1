package io.entityflow.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entityflow.alerting.state.Silence;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each part of a rules file as read by its own parser, with its exact refusals. */
class RulesFilePartsTest {
  private static void refused(String yaml, String message) {
    assertThatThrownBy(() -> RulesFileParser.parse(yaml, "r.yaml"))
        .isInstanceOf(RulesException.class)
        .hasMessage(message);
  }

  @Test
  void staticMinimumReadsDaysByTheirFirstThreeLettersAndDefaultsToAnHourAllDay() {
    RuleSet set =
        RulesFileParser.parse(
            "rules:\n  - id: s\n    match: {}\n    minimum: 3\n    days: [monday, Sat]\n",
            "r.yaml");
    StaticMinimum m = set.rules().get(0).staticMinimum();
    assertThat(m.minimum()).isEqualTo(3);
    assertThat(m.window()).isEqualTo(Duration.ofHours(1));
    assertThat(m.hours().days()).isEqualTo(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.SATURDAY));
  }

  @Test
  void staticMinimumRefusesBadDaysWindowsHoursAndMinimums() {
    refused(
        "rules:\n  - id: s\n    match: {}\n    minimum: 3\n    days: [MO]\n",
        "rules file r.yaml: rule 's' key 'days' has invalid value 'MO'; expected MON, TUE, WED,"
            + " THU, FRI, SAT, SUN");
    refused(
        "rules:\n  - id: s\n    match: {}\n    minimum: 3\n    window: PT90S\n",
        "rules file r.yaml: rule 's' key 'window' has invalid value 'PT90S'; expected whole"
            + " minutes such as PT30M, PT1H or PT90M");
    refused(
        "rules:\n  - id: s\n    match: {}\n    minimum: 3\n    business-hours: 9-5\n",
        "rules file r.yaml: rule 's' key 'business-hours' has invalid value '9-5'; expected"
            + " HH:mm-HH:mm such as 09:00-18:00");
    refused(
        "rules:\n  - id: s\n    match: {}\n    minimum: 0\n",
        "rules file r.yaml: rule 's' key 'minimum' has invalid value '0'; expected a whole number"
            + " of events of at least 1");
  }

  @Test
  void learnedTypeDropsAStaticMinimumInheritedFromTheDefaults() {
    RuleSet set =
        RulesFileParser.parse(
            "defaults:\n  minimum: 2\nrules:\n  - id: l\n    match: {}\n    type: learned\n",
            "r.yaml");
    assertThat(set.defaults().staticMinimum().minimum()).isEqualTo(2);
    assertThat(set.rules().get(0).staticMinimum()).isNull();
  }

  @Test
  void ruleOptionsRefuseBadValuesNamingTheRule() {
    refused(
        "rules:\n  - id: a\n    match: {operation: MADE}\n",
        "rules file r.yaml: rule 'a' key 'match.operation' has invalid value 'MADE'; expected"
            + " CREATED, UPDATED, DELETED, SNAPSHOT");
    refused(
        "rules:\n  - id: a\n    match: {}\n    drop-ratio: 1.5\n",
        "rules file r.yaml: rule 'a' key 'drop-ratio' has invalid value '1.5'; expected a number"
            + " in (0, 1), e.g. 0.5");
    refused(
        "rules:\n  - id: a\n    match: {}\n    cooldown: -PT1M\n",
        "rules file r.yaml: rule 'a' key 'cooldown' has invalid value '-PT1M'; expected an"
            + " ISO-8601 duration such as PT30M or PT4H");
    refused(
        "rules:\n  - id: a\n    match: {}\n  - id: a\n    match: {}\n",
        "rules file r.yaml: rule 'a' key 'id' has invalid value 'a'; expected a unique rule id"
            + " (this one is used twice)");
    refused(
        "defaults:\n  segment: 'store id'\n",
        "rules file r.yaml: defaults key 'segment' has invalid value 'store id'; expected a"
            + " top-level column name such as store_id");
  }

  @Test
  void silencesGetAConfigIdAndMaintenanceAppliesToEveryRule() {
    RuleSet set =
        RulesFileParser.parse(
            """
            maintenance:
              - {from: 2026-11-01T00:00:00Z, to: 2026-11-01T04:00:00Z}
            rules:
              - {id: a, match: {table: sale_v1}}
            silences:
              - {match: '*', from: 2026-11-02T00:00:00Z, until: 2026-11-03T00:00:00Z}
            """,
            "r.yaml");
    TimeWindow window =
        new TimeWindow(
            Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-01T04:00:00Z"), null);
    assertThat(set.defaults().maintenance()).containsExactly(window);
    assertThat(set.rules().get(0).maintenance()).containsExactly(window);
    assertThat(set.silences())
        .isEqualTo(
            List.of(
                new Silence(
                    "config-1",
                    "*",
                    Instant.parse("2026-11-02T00:00:00Z"),
                    Instant.parse("2026-11-03T00:00:00Z"),
                    null,
                    "config")));
  }

  @Test
  void silencesAndMaintenanceWindowsRefuseMissingKeys() {
    refused(
        "silences:\n  - {until: 2026-11-03T00:00:00Z}\n",
        "rules file r.yaml: silence #1 key 'match' has no value; expected a dedup key, a series id"
            + " prefix like retail.sale_v1, or *");
    refused(
        "silences:\n  - {match: '*'}\n",
        "rules file r.yaml: silence #1 key 'until' has no value; expected an RFC 3339 UTC"
            + " timestamp such as 2026-11-01T00:00:00Z");
    refused(
        "maintenance:\n  - {from: yesterday, to: 2026-11-01T04:00:00Z}\n",
        "rules file r.yaml: maintenance window key 'from' has invalid value 'yesterday'; expected"
            + " an RFC 3339 UTC timestamp such as 2026-11-01T00:00:00Z");
    refused(
        "maintenance: {from: 2026-11-01T00:00:00Z}\n",
        "rules file r.yaml: maintenance must be a list, got '{from=2026-11-01T00:00:00Z}'");
  }
}
