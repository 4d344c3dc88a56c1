package io.entityflow.alerting.evaluation;

import io.entityflow.alerting.model.Baseline;
import io.entityflow.alerting.model.BaselineSettings;
import io.entityflow.alerting.model.CalendarPeriod;
import io.entityflow.alerting.model.CombinedSilence;
import io.entityflow.alerting.model.HourlyCounts;
import io.entityflow.alerting.model.LearningExclusions;
import io.entityflow.alerting.model.SeriesHistory;
import io.entityflow.alerting.model.SeriesKey;
import io.entityflow.alerting.model.WindowCount;
import io.entityflow.alerting.rules.AlertRule;
import io.entityflow.alerting.rules.RuleSet;
import io.entityflow.alerting.rules.StaticMinimum;
import io.entityflow.alerting.rules.WatchedTable;
import io.entityflow.alerting.warehouse.CountQuery;
import io.entityflow.alerting.warehouse.EventCountSource;
import io.entityflow.alerting.warehouse.WindowCountQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs one evaluation of every watched series: one SQL aggregation per table (and segment column),
 * judged up to the ingestion watermark. When the combined stream of all series is improbably
 * silent, or the watermark is older than {@code maxWatermarkLag}, a single {@link
 * Condition#INGESTION_DOWN} finding replaces the per-series ones (which stay alive, suppressed).
 * The evaluation's {@link Evaluation#nextSilenceAt()} is the earliest predicted silence crossing of
 * a series or of that combined stream ({@link CombinedSilence}).
 *
 * <pre>{@code
 * Evaluator evaluator = new Evaluator(source, rules, rules.watched(registry),
 *     BaselineSettings.defaults(), Duration.ofMinutes(15), Duration.ZERO, Clock.systemUTC());
 * Evaluation e = evaluator.evaluate();
 * }</pre>
 *
 * <p>Guarantees: never judges later than {@code min(now, watermark)}; warehouse failures propagate
 * (an evaluation either completes or fails loudly).
 */
public final class Evaluator {
  /** Series id of ingestion-wide findings. */
  public static final String INGESTION = "*";

  private final EventCountSource source;
  private final RuleSet rules;
  private final List<WatchedTable> watched;
  private final BaselineSettings settings;
  private final Duration maxWatermarkLag;
  private final Duration ingestionPendingFor;
  private final Clock clock;
  private final LearningExclusions exclusions;

  /**
   * Creates an evaluator whose series learn from all their hours ({@link LearningExclusions#NONE}).
   */
  public Evaluator(
      EventCountSource source,
      RuleSet rules,
      List<WatchedTable> watched,
      BaselineSettings settings,
      Duration maxWatermarkLag,
      Duration ingestionPendingFor,
      Clock clock) {
    this(
        source,
        rules,
        watched,
        settings,
        maxWatermarkLag,
        ingestionPendingFor,
        clock,
        LearningExclusions.NONE);
  }

  /**
   * Creates an evaluator; an ingestion-down finding must hold for at least {@code
   * ingestionPendingFor} (or the defaults' pending-for when longer) before it fires, so that
   * pipeline latency does not make it flap; the hours {@code exclusions} gives for a series (its
   * incidents and silences) do not teach its profile.
   */
  public Evaluator(
      EventCountSource source,
      RuleSet rules,
      List<WatchedTable> watched,
      BaselineSettings settings,
      Duration maxWatermarkLag,
      Duration ingestionPendingFor,
      Clock clock,
      LearningExclusions exclusions) {
    this.exclusions = exclusions;
    this.ingestionPendingFor = ingestionPendingFor;
    this.source = source;
    this.rules = rules;
    this.watched = List.copyOf(watched);
    this.settings = settings;
    this.maxWatermarkLag = maxWatermarkLag;
    this.clock = clock;
  }

  /** Evaluates now. */
  public Evaluation evaluate() {
    Instant now = clock.instant();
    Instant watermark = source.ingestedThrough().orElse(null);
    Instant judgedUntil = watermark == null || watermark.isAfter(now) ? now : watermark;
    Instant from = judgedUntil.minus(settings.lookback());
    List<CountQuery> queries = new ArrayList<>();
    List<WatchedTable> queryTables = new ArrayList<>();
    for (WatchedTable table : watched) {
      for (String segment : table.segmentColumns()) {
        queries.add(new CountQuery(table.dataset(), table.table(), segment, from, judgedUntil));
        queryTables.add(table);
      }
    }
    List<List<SeriesHistory>> results = source.hourlyCounts(queries);
    List<Map<String, HourlyCounts>> lastYear = lastYearCounts(queries, queryTables, judgedUntil);
    Map<String, Integer> windowIndex = new HashMap<>();
    List<WindowCountQuery> windowQueries = new ArrayList<>();
    for (int q = 0; q < queries.size(); q++) {
      CountQuery query = queries.get(q);
      for (WatchedTable.WatchedOperation op : queryTables.get(q).operations()) {
        StaticMinimum minimum = op.rule().staticMinimum();
        if (minimum != null
            && Objects.equals(op.rule().segmentColumn(), query.segmentColumn())
            && minimum.applies(judgedUntil)
            && windowIndex.putIfAbsent(q + "|" + minimum.window(), windowQueries.size()) == null) {
          windowQueries.add(
              new WindowCountQuery(
                  query.dataset(),
                  query.table(),
                  query.segmentColumn(),
                  minimum.windowStart(judgedUntil),
                  judgedUntil));
        }
      }
    }
    List<Map<String, Long>> windows =
        windowQueries.isEmpty() ? List.of() : source.windowCounts(windowQueries);
    List<SeriesStatus> statuses = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    List<Baseline> baselines = new ArrayList<>();
    List<Instant> lastEvents = new ArrayList<>();
    Map<String, Baseline> baselineBySeries = new HashMap<>();
    Instant nextSilenceAt = null;
    for (int q = 0; q < queries.size(); q++) {
      CountQuery query = queries.get(q);
      for (WatchedTable.WatchedOperation op : queryTables.get(q).operations()) {
        AlertRule rule = op.rule();
        if (!Objects.equals(rule.segmentColumn(), query.segmentColumn())) {
          continue;
        }
        List<SeriesHistory> histories =
            results.get(q).stream()
                .filter(h -> h.key().operation().equals(op.operation()))
                .toList();
        if (histories.isEmpty()) {
          histories =
              List.of(
                  new SeriesHistory(
                      new SeriesKey(query.dataset(), query.table(), op.operation(), null),
                      new HourlyCounts(query.from(), new long[query.hours()]),
                      null));
        }
        Integer window =
            rule.staticMinimum() == null
                ? null
                : windowIndex.get(q + "|" + rule.staticMinimum().window());
        for (SeriesHistory history : histories) {
          if (window != null) {
            WindowCountQuery w = windowQueries.get(window);
            history =
                history.withWindow(
                    new WindowCount(
                        w.from(),
                        w.to(),
                        windows.get(window).getOrDefault(history.key().id(), 0L)));
          }
          HourlyCounts yearAgo = lastYear.get(q).get(history.key().id());
          if (yearAgo != null) {
            history = history.withLastYear(yearAgo);
          }
          JudgedSeries judged =
              SeriesJudge.judge(
                  rule, history, judgedUntil, settings, exclusions.forSeries(history.key().id()));
          if (judged.silentAt() != null
              && (nextSilenceAt == null || judged.silentAt().isBefore(nextSilenceAt))) {
            nextSilenceAt = judged.silentAt();
          }
          statuses.add(judged.status());
          if (judged.baseline() != null) {
            baselineBySeries.put(history.key().id(), judged.baseline());
          }
          findings.addAll(judged.findings());
          if (judged.baseline() != null && history.lastEventAt() != null) {
            baselines.add(judged.baseline());
            lastEvents.add(history.lastEventAt());
          }
        }
      }
    }
    AlertRule ingestionRule = ingestionRule();
    CombinedSilence all =
        baselines.size() < 2
            ? null
            : new CombinedSilence(
                baselines, lastEvents.stream().max(Instant::compareTo).orElseThrow());
    Optional<Finding> down = ingestionDown(ingestionRule, now, watermark, judgedUntil, all);
    if (down.isEmpty() && all != null) {
      // the combined stream's own crossing: ingestion down is then found when it becomes
      // significant, usually well before any single series would be
      Instant allSilentAt =
          all.improbableSilenceAt(
              Math.log(ingestionAlpha(ingestionRule, all)),
              all.since().plus(SeriesJudge.PREDICTION_HORIZON));
      if (allSilentAt != null && (nextSilenceAt == null || allSilentAt.isBefore(nextSilenceAt))) {
        nextSilenceAt = allSilentAt;
      }
    }
    if (down.isPresent()) {
      List<Finding> replaced = new ArrayList<>();
      for (Finding f : findings) {
        replaced.add(f.condition() == Condition.BELOW_MINIMUM ? f : f.asSuppressed());
      }
      replaced.add(down.get());
      findings = replaced;
    }
    return new Evaluation(
        now, judgedUntil, watermark, statuses, findings, nextSilenceAt, baselineBySeries);
  }

  /**
   * Per count query, last year's hourly counts by series id when a learned rule of its table has a
   * calendar period near {@code judgedUntil} (one more query per such table, over last year's
   * period and the 7 days before it); empty maps otherwise.
   */
  private List<Map<String, HourlyCounts>> lastYearCounts(
      List<CountQuery> queries, List<WatchedTable> queryTables, Instant judgedUntil) {
    List<CountQuery> yearAgo = new ArrayList<>();
    List<Integer> of = new ArrayList<>();
    for (int q = 0; q < queries.size(); q++) {
      CountQuery query = queries.get(q);
      Instant from = null;
      Instant to = null;
      for (WatchedTable.WatchedOperation op : queryTables.get(q).operations()) {
        if (!Objects.equals(op.rule().segmentColumn(), query.segmentColumn())) {
          continue;
        }
        Optional<CalendarPeriod.Span> span = op.rule().lastYearSpan(judgedUntil);
        if (span.isPresent()) {
          from = from == null || span.get().from().isBefore(from) ? span.get().from() : from;
          to = to == null || span.get().to().isAfter(to) ? span.get().to() : to;
        }
      }
      if (from != null) {
        yearAgo.add(
            new CountQuery(query.dataset(), query.table(), query.segmentColumn(), from, to));
        of.add(q);
      }
    }
    List<Map<String, HourlyCounts>> byQuery = new ArrayList<>();
    for (int q = 0; q < queries.size(); q++) {
      byQuery.add(new HashMap<>());
    }
    List<List<SeriesHistory>> results =
        yearAgo.isEmpty() ? List.of() : source.hourlyCounts(yearAgo);
    for (int i = 0; i < results.size(); i++) {
      for (SeriesHistory h : results.get(i)) {
        byQuery.get(of.get(i)).put(h.key().id(), h.counts());
      }
    }
    return byQuery;
  }

  /** The defaults with the ingestion pending-for when that is longer. */
  private AlertRule ingestionRule() {
    AlertRule rule = rules.defaults();
    return ingestionPendingFor.compareTo(rule.pendingFor()) > 0
        ? rule.withPendingFor(ingestionPendingFor)
        : rule;
  }

  /** The significance of the combined stream: the defaults' budget over all expected events. */
  private static double ingestionAlpha(AlertRule rule, CombinedSilence all) {
    return Math.max(
        1e-12, Math.min(0.01, rule.sensitivity().falseAlertsPerMonth() / all.expectedPerMonth()));
  }

  private Optional<Finding> ingestionDown(
      AlertRule rule, Instant now, Instant watermark, Instant judgedUntil, CombinedSilence all) {
    if (watermark != null && Duration.between(watermark, now).compareTo(maxWatermarkLag) > 0) {
      return Optional.of(
          new Finding(
              rule,
              INGESTION,
              Condition.INGESTION_DOWN,
              "Ingestion down: the pipeline has ingested events only through "
                  + watermark
                  + " ("
                  + Durations.format(Duration.between(watermark, now))
                  + " ago, more than "
                  + Durations.format(maxWatermarkLag)
                  + ")",
              0,
              0,
              watermark,
              null,
              false));
    }
    if (all == null || !all.since().isBefore(judgedUntil)) {
      return Optional.empty();
    }
    if (all.logProbabilityOfNone(judgedUntil) >= Math.log(ingestionAlpha(rule, all))) {
      return Optional.empty();
    }
    Instant latest = all.since();
    double expected = all.expectedUntil(judgedUntil);
    return Optional.of(
        new Finding(
            rule,
            INGESTION,
            Condition.INGESTION_DOWN,
            String.format(
                Locale.ROOT,
                "Ingestion down: no events of any of %d watched series since %s (%s); %.1f"
                    + " expected",
                all.size(),
                latest,
                Durations.format(Duration.between(latest, judgedUntil)),
                expected),
            0,
            expected,
            latest,
            null,
            false));
  }
}
