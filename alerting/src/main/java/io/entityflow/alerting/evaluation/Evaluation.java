package io.entityflow.alerting.evaluation;

import io.entityflow.alerting.model.Baseline;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The result of one evaluation.
 *
 * <pre>{@code
 * Evaluation e = evaluator.evaluate();
 * e.findings().forEach(f -> System.out.println(f.summary()));
 * }</pre>
 *
 * @param evaluatedAt the clock's time
 * @param judgedUntil the end of the judged span: the ingestion watermark, capped at now
 * @param watermark the pipeline's ingestion watermark, or null when no heartbeat exists
 * @param series status of every watched series
 * @param findings conditions found
 * @param nextSilenceAt the earliest instant (in judged time) at which a series not yet silent, or
 *     the combined stream of all series behind ingestion down when that is not found yet, becomes
 *     significantly silent if no further event arrives, or null; the scheduler evaluates again
 *     then, so a silence is caught when it becomes significant rather than at the next tick
 * @param baselines the learned baseline of each series that has one, by series id (not served by
 *     the API; the lifecycle's recovery test uses it)
 */
public record Evaluation(
    Instant evaluatedAt,
    Instant judgedUntil,
    Instant watermark,
    List<SeriesStatus> series,
    List<Finding> findings,
    Instant nextSilenceAt,
    Map<String, Baseline> baselines) {
  /** Copies the lists. */
  public Evaluation {
    series = List.copyOf(series);
    findings = List.copyOf(findings);
    baselines = Map.copyOf(baselines);
  }

  /** An evaluation without baselines. */
  public Evaluation(
      Instant evaluatedAt,
      Instant judgedUntil,
      Instant watermark,
      List<SeriesStatus> series,
      List<Finding> findings,
      Instant nextSilenceAt) {
    this(evaluatedAt, judgedUntil, watermark, series, findings, nextSilenceAt, Map.of());
  }

  /** An evaluation without a predicted silence. */
  public Evaluation(
      Instant evaluatedAt,
      Instant judgedUntil,
      Instant watermark,
      List<SeriesStatus> series,
      List<Finding> findings) {
    this(evaluatedAt, judgedUntil, watermark, series, findings, null);
  }

  /** An evaluation that has not run yet. */
  public static Evaluation none(Instant now) {
    return new Evaluation(now, now, null, List.of(), List.of());
  }
}
