package io.entityflow.alerting.benchmark;

import io.entityflow.alerting.backtest.BacktestResult;
import io.entityflow.alerting.backtest.Backtester;
import io.entityflow.alerting.backtest.CountRow;
import io.entityflow.alerting.backtest.OutageDetection;
import io.entityflow.alerting.model.BaselineSettings;
import io.entityflow.alerting.model.SeriesKey;
import io.entityflow.alerting.rules.AlertRule;
import io.entityflow.alerting.rules.RuleSet;
import io.entityflow.alerting.rules.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Detection-quality benchmark (run by hand, see BENCHMARKS.md): 100 synthetic series ({@link
 * SyntheticTraffic}), 4 weeks of learning history then 4 judged weeks, evaluated every minute with
 * the default rule, through the service's judge and lifecycle ({@link Backtester}). Reports false
 * pages per series per month without outages, and with one injected outage per series the detection
 * delay against the Poisson optimum (time until {@code ln(1/alpha)} events were expected at the
 * TRUE rate).
 */
public final class DetectionBenchmark {
  private DetectionBenchmark() {}

  /** Runs the benchmark; optional args: series count, seed. */
  public static void main(String[] args) {
    int seriesCount = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
    Instant start = Instant.parse("2026-01-05T00:00:00Z");
    int hours = 8 * 7 * 24;
    Instant judgedFrom = start.plus(Duration.ofDays(28));
    Instant end = start.plus(Duration.ofHours(hours)).minusSeconds(60);
    AlertRule rule = AlertRule.defaultRule();
    Backtester backtester =
        new Backtester(
            RuleSet.defaultsOnly(),
            rule,
            new SeriesKey("bench", "series", "EVENTS", null),
            BaselineSettings.defaults(),
            Duration.ofMinutes(1));
    SplittableRandom outageRandom = new SplittableRandom(seed);
    double falsePerMonthSum = 0;
    long falseAlerts = 0;
    double worstRatio = 0;
    double ratioSum = 0;
    int detected = 0;
    int missed = 0;
    int over = 0;
    double lowFalse = 0;
    long began = System.nanoTime();
    for (int i = 0; i < seriesCount; i++) {
      SyntheticTraffic traffic = new SyntheticTraffic(seed, i);
      List<CountRow> rows = traffic.minutes(start, hours);
      BacktestResult quiet = backtester.run(rows, judgedFrom, end, List.of(), List.of());
      falseAlerts += quiet.score().falsePages();
      falsePerMonthSum += quiet.score().falsePagesPerMonth();
      if (i % 4 == 0) {
        lowFalse += quiet.score().falsePagesPerMonth();
      }
      Instant outageStart =
          judgedFrom.plus(Duration.ofMinutes(60L * 24 + outageRandom.nextInt(60 * 24 * 25)));
      TimeWindow outage =
          new TimeWindow(outageStart, outageStart.plus(Duration.ofDays(2)), "bench");
      BacktestResult withOutage =
          backtester.run(rows, judgedFrom, end, List.of(outage), List.of(outage));
      OutageDetection d = withOutage.outages().get(0);
      if (d.detectedAt() == null) {
        missed++;
        System.out.printf(Locale.ROOT, "series %d: outage at %s MISSED%n", i, outageStart);
        continue;
      }
      Duration trueOptimum = trueOptimum(traffic, outageStart, d.alpha());
      double ratio = (double) d.delay().toMillis() / trueOptimum.toMillis();
      detected++;
      ratioSum += ratio;
      worstRatio = Math.max(worstRatio, ratio);
      if (ratio > 1.2) {
        over++;
      }
      if (ratio > 1.2 || quiet.score().falsePages() > 1) {
        System.out.printf(
            Locale.ROOT,
            "series %d (base %.1f/h): false %d, outage at %s detected after %s, optimum %s,"
                + " ratio %.2f%n",
            i,
            traffic.base(),
            quiet.score().falsePages(),
            outageStart,
            d.delay(),
            trueOptimum,
            ratio);
      }
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "series=%d judged=28d false_alerts=%d false_per_series_month=%.3f"
            + " (low-volume %.3f) outages detected=%d missed=%d delay/optimum mean=%.3f"
            + " max=%.3f over_1.2x=%d elapsed=%.1fs%n",
        seriesCount,
        falseAlerts,
        falsePerMonthSum / seriesCount,
        lowFalse / Math.max(1, (seriesCount + 3) / 4),
        detected,
        missed,
        ratioSum / Math.max(1, detected),
        worstRatio,
        over,
        seconds);
  }

  private static Duration trueOptimum(SyntheticTraffic traffic, Instant start, double alpha) {
    double target = Math.log(1 / alpha);
    double sum = 0;
    Instant t = start;
    for (int minute = 0; minute < 60 * 24 * 14; minute++) {
      sum += traffic.meanRate(t.truncatedTo(java.time.temporal.ChronoUnit.HOURS)) / 60.0;
      t = t.plusSeconds(60);
      if (sum >= target) {
        return Duration.between(start, t);
      }
    }
    return Duration.ofDays(14);
  }
}
