package io.entityflow.alerting.evaluation;

import io.entityflow.alerting.model.Baseline;
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
 */
public record JudgedSeries(SeriesStatus status, List<Finding> findings, Baseline baseline) {
  /** Copies the list. */
  public JudgedSeries {
    findings = List.copyOf(findings);
  }
}
