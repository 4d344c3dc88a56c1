package io.entityflow.alerting.evaluation;

import io.entityflow.alerting.model.Baseline;
import java.time.Instant;
import java.util.List;

/**
 * The verdict on one series: its status, its findings and the baseline used (null when none).
 *
 * <pre>{@code
 * JudgedSeries j = SeriesJudge.judge(rule, history, watermark, settings);
 * }</pre>
 *
 * @param status the status
 * @param findings zero or one finding
 * @param baseline the learned baseline, or null
 * @param silentAt when the series becomes significantly silent if no further event arrives (the
 *     silence test's predicted crossing), or null when it is silent already, not learned, or not
 *     within a day
 */
public record JudgedSeries(
    SeriesStatus status, List<Finding> findings, Baseline baseline, Instant silentAt) {
  /** Copies the list. */
  public JudgedSeries {
    findings = List.copyOf(findings);
  }

  /** A verdict without a predicted silence. */
  public JudgedSeries(SeriesStatus status, List<Finding> findings, Baseline baseline) {
    this(status, findings, baseline, null);
  }
}
