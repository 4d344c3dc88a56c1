package io.entityflow.demo.accrual;

/**
 * The points provider refused an award for good (not retryable): the accrual consumer sends the
 * sale event to its dead-letter topic with this message as the reason.
 */
public class PointsRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the error. */
  public PointsRejectedException(String message) {
    super(message);
  }
}
