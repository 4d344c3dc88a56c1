package io.entityflow.alerting.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.alerting.model.BaselineSettings;
import io.entityflow.alerting.model.HourlyCounts;
import io.entityflow.alerting.model.SeriesHistory;
import io.entityflow.alerting.model.SeriesKey;
import io.entityflow.alerting.model.WindowCount;
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
            SIGNUPS, signups(), Instant.parse("2026-01-05T12:00:00Z"), BaselineSettings.defaults());
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

  static final AlertRule HALF_HOURS =
      RulesFileParser.parse(
              """
              rules:
                - id: signups
                  match: {table: user_v1, operation: CREATED}
                  minimum: 3
                  window: PT30M
                  business-hours: "09:30-17:45"
                  time-zone: Europe/Berlin
              """,
              "inline")
          .ruleFor("energy", "user_v1", "CREATED");

  @Test
  void staticMinimumJudgesAnyWindowInBusinessHoursGivenToTheMinute() {
    // 09:10-09:40 UTC = 10:10-10:40 Berlin, counted exactly in the warehouse: 2 < 3
    Instant now = Instant.parse("2026-01-05T09:40:00Z");
    SeriesHistory counted =
        signups().withWindow(new WindowCount(Instant.parse("2026-01-05T09:10:00Z"), now, 2));
    JudgedSeries low = SeriesJudge.judge(HALF_HOURS, counted, now, BaselineSettings.defaults());
    assertThat(low.findings())
        .extracting(Finding::summary)
        .containsExactly(
            "Only 2 CREATED events of energy.user_v1 in 2026-01-05T09:10:00Z to"
                + " 2026-01-05T09:40:00Z; at least 3 expected in business hours");
    assertThat(low.status().expectedRate()).isEqualTo(6.0);
    // 16:15-16:45 UTC = 17:15-17:45 Berlin, the last full window before closing: judged
    Instant closing = Instant.parse("2026-01-05T16:45:00Z");
    SeriesHistory three =
        signups().withWindow(new WindowCount(closing.minusSeconds(1800), closing, 3));
    assertThat(SeriesJudge.judge(HALF_HOURS, three, closing, BaselineSettings.defaults()).status())
        .extracting(SeriesStatus::state, SeriesStatus::detail)
        .containsExactly(SeriesState.OK, "3 events in the last window, minimum 3");
  }

  @Test
  void staticWindowReachingOutsideBusinessHoursIsNotJudged() {
    // 08:05-08:35 UTC = 09:05-09:35 Berlin: starts before 09:30
    JudgedSeries early =
        SeriesJudge.judge(
            HALF_HOURS,
            signups(),
            Instant.parse("2026-01-05T08:35:00Z"),
            BaselineSettings.defaults());
    assertThat(early.status().state()).isEqualTo(SeriesState.QUIET);
    // 16:20-16:50 UTC = 17:20-17:50 Berlin: ends after 17:45
    assertThat(
            SeriesJudge.judge(
                    HALF_HOURS,
                    signups(),
                    Instant.parse("2026-01-05T16:50:00Z"),
                    BaselineSettings.defaults())
                .status()
                .state())
        .isEqualTo(SeriesState.QUIET);
  }

  @Test
  void partialHourWindowWithoutItsExactCountIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                SeriesJudge.judge(
                    HALF_HOURS,
                    signups(),
                    Instant.parse("2026-01-05T09:40:00Z"),
                    BaselineSettings.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "static rule window 2026-01-05T09:10:00Z to 2026-01-05T09:40:00Z of"
                + " energy.user_v1/CREATED is not made of whole hours and no exact window count"
                + " was given (got null)");
  }
}
