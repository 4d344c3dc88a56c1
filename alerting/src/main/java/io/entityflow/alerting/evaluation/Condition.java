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
  INGESTION_DOWN;

  /**
   * How bad the condition is, to order the conditions of one incident: INGESTION_DOWN 3, SILENCE 2,
   * BELOW_MINIMUM 1, DROP 0. A change to a higher one is an escalation, to a lower one easing.
   */
  public int severity() {
    return switch (this) {
      case INGESTION_DOWN -> 3;
      case SILENCE -> 2;
      case BELOW_MINIMUM -> 1;
      case DROP -> 0;
    };
  }
}
