package io.entityflow.alerting.backtest;

import io.entityflow.alerting.evaluation.Evaluation;
import io.entityflow.alerting.evaluation.Evaluator;
import io.entityflow.alerting.evaluation.Finding;
import io.entityflow.alerting.evaluation.JudgedSeries;
import io.entityflow.alerting.evaluation.SeriesJudge;
import io.entityflow.alerting.model.Baseline;
import io.entityflow.alerting.model.BaselineSettings;
import io.entityflow.alerting.model.SeriesHistory;
import io.entityflow.alerting.model.SeriesKey;
import io.entityflow.alerting.notify.Notification;
import io.entityflow.alerting.rules.AlertRule;
import io.entityflow.alerting.rules.RuleSet;
import io.entityflow.alerting.rules.TimeWindow;
import io.entityflow.alerting.rules.WatchedTable;
import io.entityflow.alerting.service.EvaluationScheduler;
import io.entityflow.alerting.state.AlertLifecycle;
import io.entityflow.alerting.state.StateStore;
import io.entityflow.alerting.warehouse.CountQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays one series through the service itself on a simulated clock: the service's {@link
 * Evaluator} (one watched table holding the series, judged by {@link SeriesJudge}) reads an
 * in-memory warehouse that reveals the history rows up to the clock ({@link ReplaySource}); an
 * {@link AlertLifecycle} with memory-only state and the rules' silences turns each evaluation into
 * notifications (pending-for, cooldown, repeats, resolves); the next evaluation comes when the
 * service's scheduler would run it ({@link EvaluationScheduler#nextDelay}: every {@code interval},
 * or earlier at a predicted silence crossing, at least {@link #MIN_GAP} later). Events of injected
 * outages are removed from the rows first.
 *
 * <pre>{@code
 * BacktestResult r = new Backtester(RuleSet.defaultsOnly(), AlertRule.defaultRule(),
 *         new SeriesKey("csv", "csv", "EVENTS", null), BaselineSettings.defaults(),
 *         Duration.ofMinutes(1))
 *     .run(rows, from, to, List.of(outage), List.of(outage));
 * }</pre>
 *
 * <p>Guarantees: deterministic; the judged span is {@code [from, to]}; nothing later than the clock
 * or the rows is ever seen; no model or judging logic of its own (the Poisson optimum of a watched
 * outage is the only figure computed here, from the judge's baseline at the outage start).
 */
public final class Backtester {
  /** Alerts starting this long after an outage ended are still attributed to it. */
  public static final Duration OUTAGE_GRACE = Duration.ofHours(6);

  /** The service's default least gap between a brought-forward evaluation and the previous one. */
  public static final Duration MIN_GAP = Duration.ofSeconds(5);

  private static final Duration MAX_WATERMARK_LAG = Duration.ofMinutes(15);
  private static final Duration INGESTION_HYSTERESIS = Duration.ofMinutes(2);

  private final RuleSet rules;
  private final AlertRule rule;
  private final SeriesKey key;
  private final BaselineSettings settings;
  private final Duration interval;

  /**
   * Creates a backtester of the series {@code key} judged by {@code rule}; {@code rules} gives the
   * silences and the defaults (as in the service).
   */
  public Backtester(
      RuleSet rules, AlertRule rule, SeriesKey key, BaselineSettings settings, Duration interval) {
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException(
          "backtest step (evaluation interval) must be positive, got " + interval);
    }
    this.rules = rules;
    this.rule = rule;
    this.key = key;
    this.settings = settings;
    this.interval = interval;
  }

  /**
   * Replays {@code rows} (sorted by time) over {@code [from, to]}, with the events of {@code
   * inject} removed; reports how each outage of {@code watch} was detected.
   */
  public BacktestResult run(
      List<CountRow> rows,
      Instant from,
      Instant to,
      List<TimeWindow> inject,
      List<TimeWindow> watch) {
    SimulatedClock clock = new SimulatedClock(from);
    ReplaySource source = new ReplaySource(rows, inject, key, clock);
    AlertLifecycle lifecycle =
        new AlertLifecycle(new StateStore(null), rules.silences(), INGESTION_HYSTERESIS);
    Evaluator evaluator =
        new Evaluator(
            source,
            rules,
            List.of(
                new WatchedTable(
                    key.dataset(),
                    key.table(),
                    List.of(new WatchedTable.WatchedOperation(key.operation(), rule)))),
            settings,
            MAX_WATERMARK_LAG,
            INGESTION_HYSTERESIS,
            clock,
            lifecycle);
    List<Notification> notifications = new ArrayList<>();
    List<FindingSpan> findings = new ArrayList<>();
    Map<String, FindingSpan> open = new LinkedHashMap<>();
    long evaluations = 0;
    for (Instant t = from; !t.isAfter(to); ) {
      clock.set(t);
      Evaluation evaluation = evaluator.evaluate();
      notifications.addAll(lifecycle.apply(evaluation));
      evaluations++;
      track(evaluation, open, findings);
      Duration delay = EvaluationScheduler.nextDelay(evaluation, t, interval, MIN_GAP);
      t = t.plus(delay.isZero() ? MIN_GAP : delay);
    }
    findings.addAll(open.values());
    findings.sort(Comparator.comparing(FindingSpan::firstSeen));
    Duration replayed = Duration.between(from, to);
    List<Incident> incidents = new ArrayList<>();
    for (TimeWindow w : watch) {
      incidents.add(Incident.outage("outage", w.from(), w.to(), OUTAGE_GRACE));
    }
    NotificationScore score =
        NotificationScore.of(
            notifications.stream().map(OnCallMessage::of).toList(), incidents, replayed);
    List<OutageDetection> detections = new ArrayList<>();
    for (int i = 0; i < watch.size(); i++) {
      detections.add(detection(source, watch.get(i), score.incidents().get(i)));
    }
    return new BacktestResult(replayed, evaluations, notifications, findings, detections, score);
  }

  /** Opens and closes finding spans after one evaluation. */
  private static void track(
      Evaluation evaluation, Map<String, FindingSpan> open, List<FindingSpan> closed) {
    Instant now = evaluation.evaluatedAt();
    Set<String> seen = new HashSet<>();
    for (Finding f : evaluation.findings()) {
      // one span per condition: SILENCE then DROP of one incident are two spans
      String k = f.dedupKey() + "|" + f.condition();
      seen.add(k);
      FindingSpan span = open.get(k);
      open.put(
          k,
          span == null
              ? new FindingSpan(f.dedupKey(), f.condition().name(), now, now, f.summary())
              : new FindingSpan(
                  f.dedupKey(), span.condition(), span.firstSeen(), now, span.summary()));
    }
    for (String k : new ArrayList<>(open.keySet())) {
      if (!seen.contains(k)) {
        closed.add(open.remove(k));
      }
    }
  }

  private OutageDetection detection(
      ReplaySource source, TimeWindow outage, NotificationScore.IncidentScore score) {
    Baseline baseline = null;
    double alpha = 0;
    if (rule.staticMinimum() == null) {
      Instant at = outage.from();
      SeriesHistory history =
          source
              .hourlyCounts(
                  new CountQuery(
                      key.dataset(), key.table(), null, at.minus(settings.lookback()), at))
              .get(0);
      JudgedSeries judged = SeriesJudge.judge(rule, history, at, settings);
      baseline = judged.baseline();
      alpha = baseline == null ? 0 : judged.status().alpha();
    }
    Duration optimum = baseline == null ? null : optimum(baseline, outage.from(), alpha);
    String reason =
        optimum != null
            ? null
            : rule.staticMinimum() != null
                ? "static rule, no Poisson optimum"
                : baseline == null
                    ? "no learned baseline at the outage start"
                    : "fewer than ln(1/alpha) events expected within 14 days";
    return new OutageDetection(
        outage, score.firstPageAt(), score.delay(), optimum, reason, alpha, score.notifications());
  }

  /** Time from {@code start} until {@code ln(1/alpha)} events were expected, by minute. */
  public static Duration optimum(Baseline baseline, Instant start, double alpha) {
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
}
