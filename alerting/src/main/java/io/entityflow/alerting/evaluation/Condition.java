package io.entityflow.alerting.evaluation;

/**
 * What is wrong with a series (or with ingestion).
 *
 * <pre>{@code
 * if (finding.condition() == Condition.SILENCE) { ... }
 * }</pre>
 */
public enum Condition {
  /** No event for improbably long given the expected rate. */
  SILENCE,
  /** Fewer events than expected over several hours (CUSUM). */
  DROP,
  /** Fewer events than a static rule's minimum in business hours. */
  BELOW_MINIMUM,
  /** Every entity silent at once, or the pipeline's watermark stopped advancing. */
  INGESTION_DOWN
}
