package io.entityflow.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entityflow.alerting.model.CalendarPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules file's {@code calendar}: parsed, inherited, replaced by name, refused exactly. */
class CalendarRulesTest {
  private static void refused(String yaml, String message) {
    assertThatThrownBy(() -> RulesFileParser.parse(yaml, "r.yaml"))
        .isInstanceOf(RulesException.class)
        .hasMessage(message);
  }

  @Test
  void rulesInheritTheDefaultsCalendarAndReplacePeriodsByName() {
    RuleSet set =
        RulesFileParser.parse(
            """
            defaults:
              time-zone: Europe/Berlin
              calendar:
                - {name: holiday season, from: 2026-12-19, to: 2027-01-03}
            rules:
              - id: sales
                match: {table: sale_v1}
                calendar:
                  - {name: holiday season, from: 2026-12-12, to: 2027-01-06}
                  - {name: summer sale, from: 2026-07-01, to: 2026-07-14}
            """,
            "r.yaml");
    CalendarPeriod season =
        new CalendarPeriod(
            "holiday season", LocalDate.parse("2026-12-19"), LocalDate.parse("2027-01-03"));
    assertThat(set.defaults().calendar()).containsExactly(season);
    assertThat(set.rules().get(0).calendar())
        .containsExactly(
            new CalendarPeriod(
                "holiday season", LocalDate.parse("2026-12-12"), LocalDate.parse("2027-01-06")),
            new CalendarPeriod(
                "summer sale", LocalDate.parse("2026-07-01"), LocalDate.parse("2026-07-14")));
    // days in the rule's zone: 2026-12-18T23:00Z is already 2026-12-19 in Berlin
    assertThat(set.defaults().calendarPeriod(Instant.parse("2026-12-18T23:00:00Z")))
        .isEqualTo(season);
    assertThat(set.defaults().calendarPeriod(Instant.parse("2026-12-18T22:59:59Z"))).isNull();
    assertThat(set.defaults().quiet(Instant.parse("2026-12-24T03:00:00Z"))).isFalse();
  }

  @Test
  void lastYearIsQueriedOnlyNearAPeriod() {
    AlertRule rule =
        AlertRule.defaultRule().toBuilder()
            .calendar(
                List.of(
                    new CalendarPeriod(
                        "holiday season",
                        LocalDate.parse("2026-12-19"),
                        LocalDate.parse("2027-01-03"))))
            .build();
    assertThat(rule.lastYearSpan(Instant.parse("2026-12-16T23:59:59Z"))).isEmpty();
    assertThat(rule.lastYearSpan(Instant.parse("2026-12-17T00:00:00Z")))
        .contains(
            new CalendarPeriod.Span(
                Instant.parse("2025-12-13T00:00:00Z"), Instant.parse("2026-01-05T00:00:00Z")));
    assertThat(rule.lastYearSpan(Instant.parse("2027-01-05T23:59:59Z"))).isPresent();
    assertThat(rule.lastYearSpan(Instant.parse("2027-01-06T00:00:00Z"))).isEmpty();
  }

  @Test
  void calendarRefusesUnknownKeysMissingNamesAndBadDates() {
    refused(
        "defaults:\n  calendar: {name: x}\n",
        "rules file r.yaml: defaults calendar must be a list, got '{name=x}'");
    refused(
        "defaults:\n  calendar:\n    - {name: x, from: 2026-12-19, until: 2027-01-03}\n",
        "rules file r.yaml: defaults calendar #1 has unknown key 'until'; allowed: from, name, to");
    refused(
        "defaults:\n  calendar:\n    - {from: 2026-12-19, to: 2027-01-03}\n",
        "rules file r.yaml: defaults calendar #1 key 'name' has no value; expected a name such as"
            + " holiday season");
    refused(
        "rules:\n  - id: s\n    match: {}\n    calendar:\n      - {name: x, from: 19.12.2026,"
            + " to: 2027-01-03}\n",
        "rules file r.yaml: rule 's' calendar #1 key 'from' has invalid value '19.12.2026';"
            + " expected a date like 2026-12-19");
    refused(
        "defaults:\n  calendar:\n    - {name: x, from: 2026-12-19}\n",
        "rules file r.yaml: defaults calendar #1 key 'to' has no value; expected a date like"
            + " 2026-12-19");
  }

  @Test
  void calendarRefusesReversedLongAndDuplicatePeriods() {
    refused(
        "defaults:\n  calendar:\n    - {name: x, from: 2026-12-19, to: 2026-12-18}\n",
        "rules file r.yaml: defaults calendar #1 key 'to' has invalid value '2026-12-18'; expected"
            + " a date on or after from (2026-12-19)");
    refused(
        "defaults:\n  calendar:\n    - {name: x, from: 2026-12-01, to: 2027-01-26}\n",
        "rules file r.yaml: defaults calendar #1 key 'to' has invalid value '2027-01-26'; expected"
            + " a period of at most 56 days, i.e. a date up to 2027-01-25");
    refused(
        "defaults:\n  calendar:\n    - {name: x, from: 2026-12-19, to: 2026-12-20}\n"
            + "    - {name: x, from: 2027-12-19, to: 2027-12-20}\n",
        "rules file r.yaml: defaults calendar #2 key 'name' has invalid value 'x'; expected a name"
            + " used once in this calendar");
  }
}
