package io.entityflow.alerting.evaluation;

import io.entityflow.alerting.model.Baseline;
import io.entityflow.alerting.model.BaselineSettings;
import io.entityflow.alerting.model.DropCusum;
import io.entityflow.alerting.model.DropVerdict;
import io.entityflow.alerting.model.HourlyCounts;
import io.entityflow.alerting.model.LearningContext;
import io.entityflow.alerting.model.SeasonalBaselineLearner;
import io.entityflow.alerting.model.SeriesHistory;
import io.entityflow.alerting.model.SilenceTest;
import io.entityflow.alerting.model.SilenceVerdict;
import io.entityflow.alerting.model.WindowCount;
import io.entityflow.alerting.rules.AlertRule;
import io.entityflow.alerting.rules.StaticMinimum;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Judges one series up to a point in time with its rule: learned rules run the silence test and,
 * when not silent, the drop CUSUM; static rules check the minimum over the last complete window
 * inside business hours. Used by the service and by the backtest alike.
 *
 * <pre>{@code
 * JudgedSeries j = SeriesJudge.judge(rule, history, watermark, BaselineSettings.defaults());
 * }</pre>
 *
 * <p>Guarantees: deterministic; nothing after {@code judgedUntil} is judged.
 */
public final class SeriesJudge {
  static final int CHART_HOURS = 48;

  /** How far ahead the silence crossing is predicted. */
  static final Duration PREDICTION_HORIZON = Duration.ofDays(1);

  private SeriesJudge() {}

  /** Judges the series; every hour may teach its profile. */
  public static JudgedSeries judge(
      AlertRule rule, SeriesHistory history, Instant judgedUntil, BaselineSettings settings) {
    return judge(rule, history, judgedUntil, settings, hour -> false);
  }

  /**
   * Judges the series; the hours for which {@code excluded} is true (its incidents and silences) do
   * not teach its profile.
   */
  public static JudgedSeries judge(
      AlertRule rule,
      SeriesHistory history,
      Instant judgedUntil,
      BaselineSettings settings,
      Predicate<Instant> excluded) {
    if (rule.staticMinimum() != null) {
      return judgeStatic(rule, history, judgedUntil);
    }
    Optional<Baseline> learned = learn(rule, history, judgedUntil, settings, excluded);
    String id = history.key().id();
    if (learned.isEmpty()) {
      return new JudgedSeries(
          new SeriesStatus(
              id,
              rule.id(),
              SeriesState.LEARNING,
              "n/a",
              0,
              history.lastEventAt(),
              0,
              null,
              "learning: less than " + Durations.format(settings.minHistory()) + " of history",
              List.of(),
              history.counts().countAt(judgedUntil)),
          List.of(),
          null);
    }
    Baseline baseline = learned.get();
    long seenInLastEventHour = seenInLastEventHour(history, judgedUntil);
    SilenceVerdict silence =
        SilenceTest.judge(
            baseline, history.lastEventAt(), judgedUntil, rule.sensitivity(), seenInLastEventHour);
    List<Finding> findings = new ArrayList<>();
    SeriesState state = rule.quiet(judgedUntil) ? SeriesState.QUIET : SeriesState.OK;
    String detail =
        String.format(
            Locale.ROOT,
            "%.1f events expected since the last one (alert below P(none) %.1e)",
            silence.expectedSinceLast(),
            silence.alpha());
    String what = history.key().operation() + " events of " + describe(history);
    if (silence.silent()) {
      state = SeriesState.SILENT;
      detail =
          String.format(
              Locale.ROOT,
              "No %s since %s (%s): %.1f expected, P(none) = %.1e < alpha %.1e; time to detect"
                  + " %s",
              what,
              silence.lastEventAt(),
              Durations.format(Duration.between(silence.lastEventAt(), judgedUntil)),
              silence.expectedSinceLast(),
              silence.probabilityOfNone(),
              silence.alpha(),
              Durations.format(silence.timeToDetect()));
      findings.add(
          new Finding(
              rule,
              id,
              Condition.SILENCE,
              detail,
              0,
              silence.expectedSinceLast(),
              silence.lastEventAt(),
              silence.timeToDetect(),
              false));
    } else {
      DropVerdict drop =
          new DropCusum(rule.dropRatio(), CHART_HOURS)
              .judge(baseline, history.counts(), judgedUntil, rule.sensitivity());
      if (drop.dropped()) {
        state = SeriesState.DROPPED;
        detail =
            String.format(
                Locale.ROOT,
                "%s dropped: %d observed vs %.1f expected since %s (CUSUM %.1f > %.1f)",
                capitalize(what),
                drop.observed(),
                drop.expected(),
                drop.since(),
                drop.statistic(),
                drop.threshold());
        findings.add(
            new Finding(
                rule,
                id,
                Condition.DROP,
                detail,
                drop.observed(),
                drop.expected(),
                drop.since(),
                silence.timeToDetect(),
                false));
      }
    }
    Instant silentAt =
        silence.silent()
            ? null
            : SilenceTest.predictedSilenceAt(
                baseline,
                history.lastEventAt(),
                rule.sensitivity(),
                PREDICTION_HORIZON,
                seenInLastEventHour);
    return new JudgedSeries(
        new SeriesStatus(
            id,
            rule.id(),
            state,
            baseline.distribution(),
            baseline.expectedRate(judgedUntil),
            history.lastEventAt(),
            silence.alpha(),
            silence.timeToDetect(),
            detail,
            chart(history.counts(), judgedUntil, baseline),
            history.counts().countAt(judgedUntil)),
        findings,
        baseline,
        silentAt);
  }

  /**
   * The learned rule's baseline of the series as of {@code judgedUntil}: the rule's zone, quiet
   * hours and calendar, the series' counts and last year's counts, {@code excluded} hours not
   * teaching the profile. The backtest learns through this too.
   */
  public static Optional<Baseline> learn(
      AlertRule rule,
      SeriesHistory history,
      Instant judgedUntil,
      BaselineSettings settings,
      Predicate<Instant> excluded) {
    return new SeasonalBaselineLearner(settings)
        .learn(
            history.counts(),
            history.lastYear(),
            judgedUntil,
            new LearningContext(rule.zone(), rule::quiet, rule.calendar(), excluded));
  }

  /**
   * The count of the last event's hour, which holds the events of that hour up to the last event:
   * unknown when the counts do not cover that hour or it is not before {@code judgedUntil}.
   */
  private static long seenInLastEventHour(SeriesHistory history, Instant judgedUntil) {
    Instant last = history.lastEventAt();
    if (last == null || !last.isBefore(judgedUntil)) {
      return Baseline.UNKNOWN;
    }
    HourlyCounts counts = history.counts();
    int i = counts.indexOf(last.truncatedTo(ChronoUnit.HOURS));
    return i >= 0 && i < counts.size() ? counts.count(i) : Baseline.UNKNOWN;
  }

  private static JudgedSeries judgeStatic(
      AlertRule rule, SeriesHistory history, Instant judgedUntil) {
    StaticMinimum minimum = rule.staticMinimum();
    HourlyCounts counts = history.counts();
    Instant end = judgedUntil;
    Instant start = minimum.windowStart(judgedUntil);
    boolean inHours = minimum.applies(judgedUntil);
    for (Instant h = start.truncatedTo(ChronoUnit.HOURS);
        inHours && h.isBefore(end);
        h = h.plus(Duration.ofHours(1))) {
      inHours = !rule.quiet(h);
    }
    long observed = inHours ? windowCount(history, start, end) : 0;
    String id = history.key().id();
    double perHour = minimum.perHour();
    List<ChartPoint> chart = new ArrayList<>();
    int last = counts.indexOf(end.truncatedTo(ChronoUnit.HOURS));
    for (int i = Math.max(0, last - CHART_HOURS); i < Math.min(last, counts.size()); i++) {
      Instant h = counts.hourStart(i);
      double expected = minimum.hours().contains(h) && !rule.quiet(h) ? perHour : 0;
      chart.add(new ChartPoint(h, counts.count(i), expected, expected, expected));
    }
    List<Finding> findings = new ArrayList<>();
    SeriesState state;
    String detail;
    if (!inHours) {
      state = SeriesState.QUIET;
      detail = "outside business hours, a holiday or maintenance: not judged";
    } else if (observed < minimum.minimum()) {
      state = SeriesState.BELOW_MINIMUM;
      detail =
          String.format(
              Locale.ROOT,
              "Only %d %s events of %s in %s to %s; at least %d expected in business hours",
              observed,
              history.key().operation(),
              describe(history),
              start,
              end,
              minimum.minimum());
      findings.add(
          new Finding(
              rule,
              id,
              Condition.BELOW_MINIMUM,
              detail,
              observed,
              minimum.minimum(),
              start,
              null,
              false));
    } else {
      state = SeriesState.OK;
      detail = observed + " events in the last window, minimum " + minimum.minimum();
    }
    return new JudgedSeries(
        new SeriesStatus(
            id,
            rule.id(),
            state,
            "static",
            perHour,
            history.lastEventAt(),
            0,
            null,
            detail,
            chart,
            counts.countAt(judgedUntil)),
        findings,
        null);
  }

  /**
   * Events in {@code [start, end)}: the warehouse's exact window count, or the hourly counts when
   * the window is made of whole hours.
   */
  private static long windowCount(SeriesHistory history, Instant start, Instant end) {
    WindowCount window = history.window();
    if (window != null && window.from().equals(start) && window.to().equals(end)) {
      return window.count();
    }
    if (start.truncatedTo(ChronoUnit.HOURS).equals(start)
        && end.truncatedTo(ChronoUnit.HOURS).equals(end)) {
      long sum = 0;
      for (Instant h = start; h.isBefore(end); h = h.plus(Duration.ofHours(1))) {
        sum += history.counts().countAt(h);
      }
      return sum;
    }
    throw new IllegalArgumentException(
        "static rule window "
            + start
            + " to "
            + end
            + " of "
            + history.key().id()
            + " is not made of whole hours and no exact window count was given (got "
            + window
            + ")");
  }

  private static List<ChartPoint> chart(HourlyCounts counts, Instant judgedUntil, Baseline b) {
    List<ChartPoint> chart = new ArrayList<>();
    int last = counts.indexOf(judgedUntil.truncatedTo(ChronoUnit.HOURS));
    for (int i = Math.max(0, last - CHART_HOURS); i < Math.min(last, counts.size()); i++) {
      Instant h = counts.hourStart(i);
      double mu = b.expectedRate(h);
      double sd = Math.sqrt(mu + b.overdispersion() * mu * mu);
      chart.add(
          new ChartPoint(h, counts.count(i), mu, Math.max(0, mu - 2.33 * sd), mu + 2.33 * sd));
    }
    return chart;
  }

  private static String describe(SeriesHistory history) {
    return history.key().qualifiedTable()
        + (history.key().segment() == null ? "" : " (" + history.key().segment() + ")");
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
