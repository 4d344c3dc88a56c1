package io.entityflow.alerting.backtest;

import io.entityflow.alerting.evaluation.Condition;
import io.entityflow.alerting.evaluation.JudgedSeries;
import io.entityflow.alerting.evaluation.SeriesJudge;
import io.entityflow.alerting.model.Baseline;
import io.entityflow.alerting.model.BaselineSettings;
import io.entityflow.alerting.model.DropCusum;
import io.entityflow.alerting.model.DropVerdict;
import io.entityflow.alerting.model.HourlyCounts;
import io.entityflow.alerting.model.SeasonalBaselineLearner;
import io.entityflow.alerting.model.SeriesHistory;
import io.entityflow.alerting.model.SeriesKey;
import io.entityflow.alerting.model.SilenceTest;
import io.entityflow.alerting.model.SilenceVerdict;
import io.entityflow.alerting.model.WindowCount;
import io.entityflow.alerting.rules.AlertRule;
import io.entityflow.alerting.rules.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Replays a rule over history as the service would have judged it: one evaluation every {@code
 * step}, and, as the service schedules it, an extra evaluation at the instant the silence test
 * predicts a silence to become significant when that comes before the next step. The baseline and
 * the drop CUSUM are recomputed each hour (as their inputs change hourly), the silence test at
 * every evaluation. Each row counts the events of {@code [at, at + resolution)} (resolution =
 * smallest gap between rows, at most an hour); its events are taken as spread evenly over that
 * interval, so at an instant inside a row the events before it are seen and the last event has an
 * exact time (as {@code max(occurred_at)} in the warehouse). Learning sees whole rows once they
 * ended. Nothing later than the rows cover is judged (as the service never judges past the
 * ingestion watermark). Events of injected outages are removed first. An alert fires when its
 * condition appears and resolves when it disappears.
 *
 * <pre>{@code
 * BacktestResult r = new Backtester(rule, BaselineSettings.defaults(), Duration.ofMinutes(5))
 *     .run(rows, from, to, List.of(outage));
 * }</pre>
 *
 * <p>Guarantees: deterministic; uses the same model classes as the service; the judged span is
 * {@code [from, to]}.
 */
public final class Backtester {
  /** Alerts firing this long after an outage ended are still attributed to it. */
  static final Duration OUTAGE_GRACE = Duration.ofHours(6);

  /** How far ahead of the last event the silence crossing is predicted. */
  static final Duration PREDICTION_HORIZON = Duration.ofDays(1);

  private final AlertRule rule;
  private final BaselineSettings settings;
  private final Duration step;

  /** Creates a backtester. */
  public Backtester(AlertRule rule, BaselineSettings settings, Duration step) {
    if (step.isZero() || step.isNegative()) {
      throw new IllegalArgumentException("backtest step must be positive, got " + step);
    }
    this.rule = rule;
    this.settings = settings;
    this.step = step;
  }

  /**
   * Replays {@code rows} (sorted by time) over {@code [from, to]} with {@code outages} injected.
   */
  public BacktestResult run(
      List<CountRow> rows, Instant from, Instant to, List<TimeWindow> outages) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("backtest needs history, got no rows");
    }
    Duration resolution = RowEvents.resolution(rows);
    Instant origin = rows.get(0).at().truncatedTo(ChronoUnit.HOURS);
    int hours = (int) Duration.between(origin, to).toHours() + 2;
    long[] filled = new long[hours];
    SeriesKey key = new SeriesKey("backtest", "series", "EVENTS", null);
    SeasonalBaselineLearner learner = new SeasonalBaselineLearner(settings);
    DropCusum cusum = new DropCusum(rule.dropRatio(), 48);
    List<BacktestAlert> alerts = new ArrayList<>();
    List<OutageDetection> detections = new ArrayList<>();
    double[] outageAlpha = new double[outages.size()];
    Baseline[] outageBaseline = new Baseline[outages.size()];
    int next = 0;
    Instant lastEvent = null;
    Instant visibleThrough = null;
    Instant learnedHour = null;
    Baseline baseline = null;
    HourlyCounts learnedCounts = null;
    DropVerdict drop = null;
    JudgedSeries staticVerdict = null;
    String open = null;
    Instant openedAt = null;
    String openSummary = null;
    Instant predictedFor = null;
    Baseline predictedWith = null;
    Instant predicted = null;
    long stepIndex = 0;
    for (Instant t = from; !t.isAfter(to); ) {
      while (next < rows.size() && !rows.get(next).at().plus(resolution).isAfter(t)) {
        CountRow row = rows.get(next++);
        visibleThrough = row.at().plus(resolution);
        long count = RowEvents.inOutage(row.at(), outages) ? 0 : row.count();
        int index = (int) Duration.between(origin, row.at()).toHours();
        if (index >= 0 && index < hours && count > 0) {
          filled[index] += count;
          lastEvent = RowEvents.eventTime(row.at(), resolution, count, count);
        }
      }
      Instant latest = lastEvent;
      Instant seenThrough = visibleThrough;
      if (next < rows.size() && !rows.get(next).at().isAfter(t)) {
        // the row in progress: its events, spread evenly over its interval, are seen up to t
        CountRow row = rows.get(next);
        seenThrough = t;
        long count = RowEvents.inOutage(row.at(), outages) ? 0 : row.count();
        long seen = RowEvents.eventsSeen(row.at(), resolution, count, t);
        if (seen > 0) {
          latest = RowEvents.eventTime(row.at(), resolution, count, seen);
        }
      }
      if (seenThrough == null) {
        stepIndex++;
        t = from.plus(step.multipliedBy(stepIndex));
        continue;
      }
      Instant judged = seenThrough.isBefore(t) ? seenThrough : t;
      Instant hour = judged.truncatedTo(ChronoUnit.HOURS);
      if (!hour.equals(learnedHour)) {
        learnedHour = hour;
        learnedCounts = new HourlyCounts(origin, filled);
        if (rule.staticMinimum() == null) {
          baseline = learner.learn(learnedCounts, judged, rule.zone(), rule::quiet).orElse(null);
          drop =
              baseline == null
                  ? null
                  : cusum.judge(baseline, learnedCounts, judged, rule.sensitivity());
        }
      }
      if (rule.staticMinimum() != null) {
        Instant windowStart = rule.staticMinimum().windowStart(judged);
        WindowCount window =
            new WindowCount(
                windowStart,
                judged,
                RowEvents.countBetween(rows, next, resolution, outages, windowStart, judged));
        staticVerdict =
            SeriesJudge.judge(
                rule,
                new SeriesHistory(key, learnedCounts, latest).withWindow(window),
                judged,
                settings);
      }
      for (int i = 0; i < outages.size(); i++) {
        if (outageBaseline[i] == null && !t.isBefore(outages.get(i).from()) && baseline != null) {
          outageBaseline[i] = baseline;
          outageAlpha[i] = rule.sensitivity().alpha(baseline);
        }
      }
      String condition = null;
      String summary = null;
      if (staticVerdict != null && !staticVerdict.findings().isEmpty()) {
        condition = Condition.BELOW_MINIMUM.name();
        summary = staticVerdict.findings().get(0).summary();
      } else if (baseline != null) {
        SilenceVerdict silence = SilenceTest.judge(baseline, latest, judged, rule.sensitivity());
        if (silence.silent()) {
          condition = Condition.SILENCE.name();
          summary =
              String.format(
                  Locale.ROOT,
                  "no events since %s: %.1f expected, P(none) %.1e < alpha %.1e",
                  silence.lastEventAt(),
                  silence.expectedSinceLast(),
                  silence.probabilityOfNone(),
                  silence.alpha());
        } else if (drop != null && drop.dropped()) {
          condition = Condition.DROP.name();
          summary =
              String.format(
                  Locale.ROOT,
                  "drop: %d observed vs %.1f expected since %s",
                  drop.observed(),
                  drop.expected(),
                  drop.since());
        }
      }
      if (open != null && !open.equals(condition)) {
        alerts.add(alert(openedAt, t, open, openSummary, outages));
        open = null;
      }
      if (condition != null && open == null) {
        open = condition;
        openedAt = t;
        openSummary = summary;
      }
      // as the service: evaluate again at the next step, or earlier when the silence is predicted
      // to become significant before it
      Instant nextStep = from.plus(step.multipliedBy(stepIndex + 1));
      if (baseline != null
          && latest != null
          && !Condition.SILENCE.name().equals(condition)
          && (!latest.equals(predictedFor) || baseline != predictedWith)) {
        predictedFor = latest;
        predictedWith = baseline;
        predicted =
            SilenceTest.predictedSilenceAt(
                baseline, latest, rule.sensitivity(), PREDICTION_HORIZON);
      }
      if (predicted != null
          && latest.equals(predictedFor)
          && predicted.isAfter(t)
          && predicted.isBefore(nextStep)) {
        t = predicted;
      } else {
        stepIndex++;
        t = nextStep;
      }
    }
    if (open != null) {
      alerts.add(alert(openedAt, null, open, openSummary, outages));
    }
    for (int i = 0; i < outages.size(); i++) {
      TimeWindow w = outages.get(i);
      Instant detected = null;
      for (BacktestAlert a : alerts) {
        if (!a.firedAt().isBefore(w.from()) && a.firedAt().isBefore(w.to().plus(OUTAGE_GRACE))) {
          detected = a.firedAt();
          break;
        }
      }
      Duration optimum =
          outageBaseline[i] == null ? null : optimum(outageBaseline[i], w.from(), outageAlpha[i]);
      Duration delay = detected == null ? null : Duration.between(w.from(), detected);
      detections.add(
          new OutageDetection(
              w,
              detected,
              delay,
              optimum,
              noOptimumReason(optimum, outageBaseline[i]),
              outageAlpha[i]));
    }
    return new BacktestResult(Duration.between(from, to), alerts, detections);
  }

  /** Why an outage has no Poisson optimum, or null when it has one. */
  private String noOptimumReason(Duration optimum, Baseline baselineAtStart) {
    if (optimum != null) {
      return null;
    }
    if (rule.staticMinimum() != null) {
      return "static rule, no Poisson optimum";
    }
    return baselineAtStart == null
        ? "no learned baseline at the outage start"
        : "fewer than ln(1/alpha) events expected within 14 days";
  }

  /** Time from {@code start} until {@code ln(1/alpha)} events were expected, by minute. */
  static Duration optimum(Baseline baseline, Instant start, double alpha) {
    double target = Math.log(1 / alpha);
    double sum = 0;
    Instant t = start;
    for (int minute = 0; minute < 60 * 24 * 14; minute++) {
      sum += baseline.expectedRate(t) / 60.0;
      t = t.plusSeconds(60);
      if (sum >= target) {
        return Duration.between(start, t);
      }
    }
    return null;
  }

  private static BacktestAlert alert(
      Instant firedAt,
      Instant resolvedAt,
      String condition,
      String summary,
      List<TimeWindow> outages) {
    boolean during = false;
    for (TimeWindow w : outages) {
      if (!firedAt.isBefore(w.from()) && firedAt.isBefore(w.to().plus(OUTAGE_GRACE))) {
        during = true;
      }
    }
    return new BacktestAlert(firedAt, resolvedAt, condition, summary, during);
  }
}
