package io.entityflow.alerting.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.alerting.model.BaselineSettings;
import io.entityflow.alerting.model.HourlyCounts;
import io.entityflow.alerting.model.SeriesHistory;
import io.entityflow.alerting.model.SeriesKey;
import io.entityflow.alerting.rules.AlertRule;
import io.entityflow.alerting.rules.RulesFileParser;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeriesJudgeTest {
  static final AlertRule SIGNUPS =
      RulesFileParser.parse(
              """
              rules:
                - id: signups
                  match: {table: user_v1, operation: CREATED}
                  minimum: 5
                  window: PT2H
                  business-hours: "09:00-18:00"
                  days: [MON, TUE, WED, THU, FRI]
                  time-zone: Europe/Berlin
              """,
              "inline")
          .ruleFor("energy", "user_v1", "CREATED");

  /** Monday 2026-01-05 from 00:00 UTC, 24 hours, 2 sign-ups per hour except 3 at 10:00 UTC. */
  private static SeriesHistory signups() {
    long[] counts = new long[24];
    java.util.Arrays.fill(counts, 2);
    counts[10] = 3;
    return new SeriesHistory(
        new SeriesKey("energy", "user_v1", "CREATED", null),
        new HourlyCounts(Instant.parse("2026-01-05T00:00:00Z"), counts),
        Instant.parse("2026-01-05T11:59:00Z"));
  }

  @Test
  void staticMinimumFiresInBusinessHoursOfItsTimeZone() {
    // 10:00-12:00 UTC = 11:00-13:00 Berlin, Monday: 3 + 2 = 5 events, at the minimum
    JudgedSeries ok =
        SeriesJudge.judge(
            SIGNUPS, signups(), Instant.parse("2026-01-05T12:10:00Z"), BaselineSettings.defaults());
    assertThat(ok.findings()).isEmpty();
    assertThat(ok.status().state()).isEqualTo(SeriesState.OK);
    // 11:00-13:00 UTC: 2 + 2 = 4 < 5
    JudgedSeries low =
        SeriesJudge.judge(
            SIGNUPS, signups(), Instant.parse("2026-01-05T13:00:00Z"), BaselineSettings.defaults());
    assertThat(low.status().state()).isEqualTo(SeriesState.BELOW_MINIMUM);
    assertThat(low.findings())
        .extracting(Finding::summary)
        .containsExactly(
            "Only 4 CREATED events of energy.user_v1 in 2026-01-05T11:00:00Z to"
                + " 2026-01-05T13:00:00Z; at least 5 expected in business hours");
  }

  @Test
  void staticMinimumIsNotJudgedOutsideBusinessHours() {
    // 07:00-09:00 UTC = 08:00-10:00 Berlin: starts before opening
    JudgedSeries early =
        SeriesJudge.judge(
            SIGNUPS, signups(), Instant.parse("2026-01-05T09:00:00Z"), BaselineSettings.defaults());
    assertThat(early.status().state()).isEqualTo(SeriesState.QUIET);
    assertThat(early.findings()).isEmpty();
  }
}
