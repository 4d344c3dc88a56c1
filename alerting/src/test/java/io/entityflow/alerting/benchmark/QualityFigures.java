package io.entityflow.alerting.benchmark;

import io.entityflow.alerting.backtest.NotificationScore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The alert-quality figures of a group of scored series, named as in BENCHMARKS.md: false pages per
 * series-month (overall and worst series), detection of outages (all, and those a silence or drop
 * test could see: total silences whose Poisson optimum is within the outage, every near-total one),
 * delay over the Poisson optimum for total silences, notifications per incident, false pages later
 * than 7 days after a level shift.
 *
 * <pre>{@code
 * Map<String, String> figures = QualityFigures.of(scored, replayed);
 * }</pre>
 */
final class QualityFigures {
  private QualityFigures() {}

  static Map<String, String> of(List<QualityScore.Scored> group, Duration replayed) {
    Map<String, String> f = new LinkedHashMap<>();
    double months = replayed.toMinutes() / 1440.0 / 30.0;
    int pages = 0;
    int updates = 0;
    int resolves = 0;
    int falsePages = 0;
    int late = 0;
    int lateSeries = 0;
    double worst = 0;
    String worstName = "-";
    int overBudget = 0;
    int outages = 0;
    int detected = 0;
    int detectable = 0;
    int detectableHit = 0;
    int totals = 0;
    int totalsHit = 0;
    List<Double> ratios = new ArrayList<>();
    int incidents = 0;
    int maxNotifications = 0;
    int overTwo = 0;
    for (QualityScore.Scored s : group) {
      NotificationScore score = s.score();
      pages += score.pages();
      updates += score.updates();
      resolves += score.resolves();
      falsePages += score.falsePages();
      late += score.lateFalsePages();
      lateSeries += score.lateFalsePages() > 0 ? 1 : 0;
      double perMonth = score.falsePages() / months;
      if (perMonth > worst) {
        worst = perMonth;
        worstName = AlertQualityBenchmark.name(s.series()) + " (" + s.cls() + ")";
      }
      overBudget += perMonth > 1 ? 1 : 0;
      int outageIndex = 0;
      for (NotificationScore.IncidentScore is : score.incidents()) {
        incidents++;
        maxNotifications = Math.max(maxNotifications, is.notifications());
        overTwo += is.notifications() > 2 ? 1 : 0;
        if (is.incident().levelShift()) {
          continue;
        }
        Long optimum = s.optimumSeconds().get(outageIndex++);
        outages++;
        boolean hit = is.firstPageAt() != null;
        detected += hit ? 1 : 0;
        boolean total = is.incident().label().equals("total");
        long length = Duration.between(is.incident().from(), is.incident().to()).getSeconds();
        boolean canSee = !total || (optimum != null && optimum <= length);
        detectable += canSee ? 1 : 0;
        detectableHit += canSee && hit ? 1 : 0;
        if (total) {
          totals++;
          totalsHit += hit ? 1 : 0;
          if (hit && optimum != null && optimum > 0) {
            ratios.add(is.delay().getSeconds() / (double) optimum);
          }
        }
      }
    }
    Collections.sort(ratios);
    f.put("series", String.valueOf(group.size()));
    f.put("pages / updates / resolves", pages + " / " + updates + " / " + resolves);
    f.put(
        "false pages per series-month (target <= 1)",
        String.format(
            Locale.ROOT, "%.3f (%d)", falsePages / months / Math.max(1, group.size()), falsePages));
    f.put(
        "worst series, false pages per month",
        String.format(Locale.ROOT, "%.2f %s", worst, worstName));
    f.put("series over 1 false page per month", String.valueOf(overBudget));
    f.put("outages detected (all)", detected + "/" + outages);
    f.put(
        "outages detected (detectable: near-total, or total with optimum <= its length)",
        detectableHit + "/" + detectable);
    f.put("total silences detected", totalsHit + "/" + totals);
    f.put(
        "total silences: delay / Poisson optimum median, p90, max (target <= 1.2)",
        ratios.isEmpty()
            ? "-"
            : String.format(
                Locale.ROOT,
                "%.2f, %.2f, %.2f (n=%d, %d over 1.2)",
                quantile(ratios, 0.5),
                quantile(ratios, 0.9),
                ratios.get(ratios.size() - 1),
                ratios.size(),
                ratios.stream().filter(r -> r > 1.2).count()));
    f.put(
        "notifications per incident: max; incidents over 2 (target <= 2)",
        maxNotifications + "; " + overTwo + " of " + incidents);
    f.put(
        "false pages > 7 days after a level shift (target 0)",
        late + " (" + lateSeries + " series)");
    return f;
  }

  private static double quantile(List<Double> sorted, double q) {
    int i = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
