package io.entityflow.alerting.rules;

/**
 * A static rule: at least {@code minimum} events in every {@code windowHours} complete hours that
 * lie entirely within the business hours.
 *
 * <pre>{@code
 * new StaticMinimum(5, 1, BusinessHours.parse("09:00-18:00", weekdays, berlin));
 * }</pre>
 *
 * @param minimum least events expected per window
 * @param windowHours the window in whole hours
 * @param hours when the minimum applies
 */
public record StaticMinimum(long minimum, int windowHours, BusinessHours hours) {
  /** Validates the numbers. */
  public StaticMinimum {
    if (minimum < 1) {
      throw new IllegalArgumentException("minimum must be at least 1, got " + minimum);
    }
    if (windowHours < 1) {
      throw new IllegalArgumentException(
          "window must be a whole number of hours (PT1H or more), got " + windowHours + " hours");
    }
  }
}
