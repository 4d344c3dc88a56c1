package io.entityflow.alerting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The robust profile, the level factor's re-learning and the calendar's exclusions. */
class RobustBaselineTest {
  static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");
  private static final SeasonalBaselineLearner LEARNER =
      new SeasonalBaselineLearner(BaselineSettings.defaults());

  /** Hour-of-week of Tuesday 10:00. */
  private static final int TUESDAY_10 = 24 + 10;

  /** 8 weeks and a day of 20 events every hour, judged at the end. */
  private static long[] constant() {
    long[] counts = new long[57 * 24];
    java.util.Arrays.fill(counts, 20);
    return counts;
  }

  private static Baseline learn(long[] counts, Predicate<Instant> excluded) {
    return LEARNER
        .learn(
            new HourlyCounts(MONDAY, counts),
            null,
            MONDAY.plus(Duration.ofHours(counts.length)),
            new LearningContext(ZoneOffset.UTC, h -> false, List.of(), excluded))
        .orElseThrow();
  }

  @Test
  void spikeWeekDoesNotRaiseTheProfile() {
    long[] counts = constant();
    for (int h = 0; h < 4; h++) {
      counts[4 * 168 + TUESDAY_10 + h] = 200; // Tuesday 10:00-14:00 of the fifth week: 10x
    }
    Baseline b = learn(counts, h -> false);
    // the plain mean of the 8 weeks would be 20 + 180 / 8 = 42.5
    assertThat(b.profile(TUESDAY_10)).isEqualTo(20.0);
    assertThat(b.profile(TUESDAY_10 + 3)).isEqualTo(20.0);
    assertThat(b.level()).isEqualTo(1.0);
    assertThat(b.overdispersion()).isZero();
  }

  @Test
  void excludedHoursDoNotTeachTheProfile() {
    long[] counts = constant();
    for (int week = 3; week < 8; week++) {
      counts[week * 168 + TUESDAY_10] = 4; // an incident in 5 of the 8 weeks: the majority
    }
    Predicate<Instant> incidents =
        h ->
            h.isAfter(MONDAY.plus(Duration.ofDays(21)))
                && HourOfWeek.of(h, ZoneOffset.UTC) == TUESDAY_10;
    assertThat(learn(counts, incidents).profile(TUESDAY_10)).isEqualTo(20.0);
    assertThat(learn(counts, h -> false).profile(TUESDAY_10)).isCloseTo(17.18, within(0.01));
  }

  /** Poisson counts: 60/h in the afternoon to 6/h at night, weekends 0.6x, times {@code m}. */
  static long[] traffic(
      long seed, Instant start, int hours, java.util.function.ToDoubleFunction<Instant> m) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] counts = new long[hours];
    for (int i = 0; i < hours; i++) {
      Instant t = start.plus(Duration.ofHours(i));
      counts[i] = poisson(random, trueRate(t) * m.applyAsDouble(t));
    }
    return counts;
  }

  static double trueRate(Instant t) {
    ZonedDateTime z = t.atZone(ZoneOffset.UTC);
    double daily = 33 + 27 * Math.sin(2 * Math.PI * (z.getHour() - 9) / 24.0);
    return daily * (z.getDayOfWeek().getValue() >= 6 ? 0.6 : 1.0);
  }

  static long poisson(SplittableRandom random, double mean) {
    return io.entityflow.alerting.benchmark.PoissonDraw.draw(random, mean);
  }

  @Test
  void levelRelearnsWithinBoundAfterThirtyPercentDrop() {
    Instant shift = MONDAY.plus(Duration.ofDays(70).plusHours(5)); // Monday 05:00, week 11
    long[] counts = traffic(42, MONDAY, 84 * 24, t -> t.isBefore(shift) ? 1.0 : 0.7);
    HourlyCounts all = new HourlyCounts(MONDAY, counts);
    Duration bound = BaselineSettings.defaults().relearnBound();
    assertThat(bound).isEqualTo(Duration.ofDays(6));
    // a day after the shift nothing of it was learnt yet (the last 24 hours are not learnt)
    Instant dayAfter = shift.plus(Duration.ofDays(1));
    assertThat(at(all, dayAfter).level()).isCloseTo(1.0, within(0.03));
    // 3 days after: 2 of the newest 3 days are shifted, so their median is a shifted day and the
    // old days are left out (the median of all 5 days turned a day later)
    Instant threeDays = shift.plus(Duration.ofDays(3));
    assertThat(at(all, threeDays).level()).isCloseTo(0.7, within(0.035));
    Instant fourDays = shift.plus(Duration.ofDays(4));
    assertThat(at(all, fourDays).level()).isCloseTo(0.7, within(0.035));
    // after the documented bound the level is measured on shifted days only, at every hour; the
    // profile (its shape) stays that of the 8 weeks: a week expects 0.7 of the true week
    double trueWeek = 0;
    for (int h = 0; h < 168; h++) {
      trueWeek += trueRate(MONDAY.plus(Duration.ofHours(h)));
    }
    for (int h = 0; h < 24 * 7; h += 7) {
      Instant t = shift.plus(bound).plus(Duration.ofHours(h));
      Baseline b = at(all, t);
      assertThat(b.level()).as("level at %s", t).isCloseTo(0.7, within(0.035));
      assertThat(b.expectedPerWeek() / trueWeek).as("week at %s", t).isCloseTo(0.7, within(0.035));
    }
  }

  private static Baseline at(HourlyCounts all, Instant judgedUntil) {
    int hours = (int) Duration.between(all.start(), judgedUntil).toHours();
    long[] seen = new long[hours];
    for (int i = 0; i < hours; i++) {
      seen[i] = all.count(i);
    }
    return LEARNER
        .learn(new HourlyCounts(all.start(), seen), judgedUntil, ZoneOffset.UTC, h -> false)
        .orElseThrow();
  }

  /** Weeks 9 and 10 (2026-03-02 to 2026-03-15): nights 3x busier, days 0.8x. */
  static double holidaySeason(Instant t) {
    LocalDate day = LocalDate.ofInstant(t, ZoneOffset.UTC);
    if (day.isBefore(LocalDate.parse("2026-03-02")) || day.isAfter(LocalDate.parse("2026-03-15"))) {
      return 1.0;
    }
    int hour = t.atZone(ZoneOffset.UTC).getHour();
    return hour < 7 || hour >= 21 ? 3.0 : 0.8;
  }

  @Test
  void holidayWeeksDoNotTeachOrdinaryNights() {
    long[] counts = traffic(7, MONDAY, 78 * 24, RobustBaselineTest::holidaySeason);
    Instant tuesday3am = MONDAY.plus(Duration.ofDays(78).plusHours(3)); // Tuesday, week 12
    HourlyCounts all = new HourlyCounts(MONDAY, counts);
    List<CalendarPeriod> calendar =
        List.of(
            new CalendarPeriod(
                "holiday season", LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-15")));
    Baseline withCalendar =
        LEARNER
            .learn(
                all,
                null,
                tuesday3am,
                new LearningContext(ZoneOffset.UTC, h -> false, calendar, h -> false))
            .orElseThrow();
    double night = trueRate(tuesday3am); // 6.6 events per hour
    assertThat(withCalendar.expectedRate(tuesday3am) / night).isCloseTo(1.0, within(0.1));
    // without the calendar the two holiday weeks are a minority of the 8 that is left out
    Baseline without = LEARNER.learn(all, tuesday3am, ZoneOffset.UTC, h -> false).orElseThrow();
    assertThat(without.expectedRate(tuesday3am) / night).isCloseTo(1.0, within(0.15));
    // the 4-week mean of earlier releases learnt the busy nights: 1.5x
    Baseline fourWeeks =
        new SeasonalBaselineLearner(
                new BaselineSettings(4, Duration.ofDays(7), Duration.ofHours(24)))
            .learn(all, tuesday3am, ZoneOffset.UTC, h -> false)
            .orElseThrow();
    assertThat(fourWeeks.expectedRate(tuesday3am) / night).isGreaterThan(1.2);
  }
}
