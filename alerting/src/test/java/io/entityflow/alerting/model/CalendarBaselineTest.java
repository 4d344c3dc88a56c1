package io.entityflow.alerting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calendar periods: expected from the same hours 364 days earlier, else silence-only. */
class CalendarBaselineTest {
  private static final Instant START = Instant.parse("2025-11-03T00:00:00Z"); // a Monday
  private static final CalendarPeriod SEASON =
      new CalendarPeriod(
          "holiday season", LocalDate.parse("2026-12-19"), LocalDate.parse("2027-01-03"));
  private static final SeasonalBaselineLearner LEARNER =
      new SeasonalBaselineLearner(BaselineSettings.defaults());

  /** Nights 3x busier during last year's season (364 days before this year's), days 0.8x. */
  private static double lastYearSeason(Instant t) {
    LocalDate day = LocalDate.ofInstant(t, ZoneOffset.UTC);
    if (day.isBefore(LocalDate.parse("2025-12-20")) || day.isAfter(LocalDate.parse("2026-01-04"))) {
      return 1.0;
    }
    int hour = t.atZone(ZoneOffset.UTC).getHour();
    return hour < 7 || hour >= 21 ? 3.0 : 0.8;
  }

  private static final Instant JUDGED = Instant.parse("2026-12-22T03:30:00Z"); // a Tuesday night
  private static final long[] COUNTS =
      RobustBaselineTest.traffic(
          11,
          START,
          (int) Duration.between(START, JUDGED).toHours(),
          CalendarBaselineTest::lastYearSeason);

  private static Baseline learn(HourlyCounts counts, HourlyCounts lastYear) {
    return LEARNER
        .learn(
            counts,
            lastYear,
            JUDGED,
            new LearningContext(ZoneOffset.UTC, h -> false, List.of(SEASON), h -> false))
        .orElseThrow();
  }

  @Test
  void calendarPeriodUsesLastYearWhenHistoryIsLongEnough() {
    Baseline b = learn(new HourlyCounts(START, COUNTS), null);
    double ordinaryNight = RobustBaselineTest.trueRate(JUDGED); // 6.0 events per hour at 03:00
    assertThat(b.expectedRate(JUDGED) / ordinaryNight).isCloseTo(3.0, within(0.3));
    assertThat(b.judgesDrops(JUDGED)).isTrue();
    Instant afternoon = Instant.parse("2026-12-22T15:00:00Z");
    assertThat(b.expectedRate(afternoon) / RobustBaselineTest.trueRate(afternoon))
        .isCloseTo(0.8, within(0.08));
    // before the period: the ordinary profile
    Instant before = Instant.parse("2026-12-15T03:00:00Z");
    assertThat(b.expectedRate(before) / ordinaryNight).isCloseTo(1.0, within(0.15));
  }

  @Test
  void lastYearsCountsMayComeFromTheirOwnQuery() {
    int recent = 60 * 24;
    HourlyCounts counts =
        new HourlyCounts(
            JUDGED.truncatedTo(java.time.temporal.ChronoUnit.HOURS).minus(Duration.ofHours(recent)),
            Arrays.copyOfRange(COUNTS, COUNTS.length - recent, COUNTS.length));
    CalendarPeriod.Span span = SEASON.lastYearSpan(ZoneOffset.UTC);
    assertThat(span)
        .isEqualTo(
            new CalendarPeriod.Span(
                Instant.parse("2025-12-13T00:00:00Z"), Instant.parse("2026-01-05T00:00:00Z")));
    int from = (int) Duration.between(START, span.from()).toHours();
    int to = (int) Duration.between(START, span.to()).toHours();
    HourlyCounts lastYear = new HourlyCounts(span.from(), Arrays.copyOfRange(COUNTS, from, to));
    double full = learn(new HourlyCounts(START, COUNTS), null).expectedRate(JUDGED);
    assertThat(learn(counts, lastYear).expectedRate(JUDGED)).isCloseTo(full, within(full * 0.05));
  }

  @Test
  void calendarPeriodWithoutLastYearIsJudgedBySilenceOnly() {
    int recent = 60 * 24;
    HourlyCounts counts =
        new HourlyCounts(
            JUDGED.truncatedTo(java.time.temporal.ChronoUnit.HOURS).minus(Duration.ofHours(recent)),
            Arrays.copyOfRange(COUNTS, COUNTS.length - recent, COUNTS.length));
    Baseline b = learn(counts, null);
    assertThat(b.judgesDrops(JUDGED)).isFalse();
    assertThat(b.expectedRate(JUDGED) / RobustBaselineTest.trueRate(JUDGED))
        .isCloseTo(1.0, within(0.15));
    // the drop test skips the period's hours: no counts at all since the period began, no drop
    long[] silent = counts.total() > 0 ? new long[recent] : new long[0];
    System.arraycopy(
        Arrays.copyOfRange(COUNTS, COUNTS.length - recent, COUNTS.length), 0, silent, 0, recent);
    int periodStart =
        (int) Duration.between(counts.start(), Instant.parse("2026-12-19T00:00:00Z")).toHours();
    Arrays.fill(silent, periodStart, recent, 0);
    DropVerdict drop =
        DropCusum.defaults()
            .judge(b, new HourlyCounts(counts.start(), silent), JUDGED, Sensitivity.defaults());
    assertThat(drop.dropped()).isFalse();
    assertThat(drop.statistic()).isZero();
  }
}
