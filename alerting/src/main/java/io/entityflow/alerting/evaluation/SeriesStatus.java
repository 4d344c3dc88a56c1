package io.entityflow.alerting.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Expected versus observed for one series, as served by the API and drawn by the status page.
 *
 * <pre>{@code
 * SeriesStatus s = evaluation.series().get(0);
 * s.expectedRate(); s.timeToDetect(); s.chart();
 * }</pre>
 *
 * @param seriesId series id
 * @param ruleId rule id
 * @param state the verdict
 * @param distribution Poisson, NegativeBinomial or static
 * @param expectedRate expected events per hour now
 * @param lastEventAt latest event, or null
 * @param alpha silence-test significance (learned rules)
 * @param timeToDetect time to detect a total silence at the current rate, or null
 * @param detail one sentence explaining the verdict
 * @param chart hourly observed and expected band, oldest first (complete hours only)
 * @param eventsThisHour events so far in the (incomplete) hour containing the judged instant
 */
public record SeriesStatus(
    String seriesId,
    String ruleId,
    SeriesState state,
    String distribution,
    double expectedRate,
    Instant lastEventAt,
    double alpha,
    Duration timeToDetect,
    String detail,
    List<ChartPoint> chart,
    long eventsThisHour) {
  /** Copies the chart. */
  public SeriesStatus {
    chart = List.copyOf(chart);
  }
}
