package io.entityflow.alerting.evaluation;

/**
 * How a series looked in the last evaluation.
 *
 * <pre>{@code
 * if (status.state() == SeriesState.LEARNING) { ... }
 * }</pre>
 */
public enum SeriesState {
  /** Judged, nothing wrong. */
  OK,
  /** Not enough history (or no events yet): not judged. */
  LEARNING,
  /** Total silence detected. */
  SILENT,
  /** Partial drop detected. */
  DROPPED,
  /** Below its static minimum. */
  BELOW_MINIMUM,
  /** In a holiday or maintenance window, or outside business hours: not judged. */
  QUIET
}
