package io.entityflow.alerting.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A static rule: at least {@code minimum} events in the rolling {@code window} (any whole number of
 * minutes) that ends at the judged instant, judged only while the whole window lies within the
 * business hours (given to the minute, e.g. {@code 09:30-17:45}) of one day.
 *
 * <pre>{@code
 * new StaticMinimum(5, Duration.ofMinutes(30), BusinessHours.parse("09:30-17:45", weekdays, berlin));
 * }</pre>
 *
 * @param minimum least events expected per window
 * @param window the window, at least one minute, in whole minutes
 * @param hours when the minimum applies
 */
public record StaticMinimum(long minimum, Duration window, BusinessHours hours) {
  /** Validates the numbers. */
  public StaticMinimum {
    if (minimum < 1) {
      throw new IllegalArgumentException("minimum must be at least 1, got " + minimum);
    }
    if (window.toMinutes() < 1 || window.toSeconds() % 60 != 0) {
      throw new IllegalArgumentException(
          "window must be a whole number of minutes (PT1M or more), got " + window);
    }
  }

  /** The window that ends at {@code judgedUntil}. */
  public Instant windowStart(Instant judgedUntil) {
    return judgedUntil.minus(window);
  }

  /** True when the whole window ending at {@code judgedUntil} lies in one day's business hours. */
  public boolean applies(Instant judgedUntil) {
    Instant start = windowStart(judgedUntil);
    Instant last = judgedUntil.minusMillis(1);
    return hours.contains(start)
        && hours.contains(last)
        && LocalDate.ofInstant(start, hours.zone()).equals(LocalDate.ofInstant(last, hours.zone()));
  }

  /** The minimum prorated to events per hour (for charts). */
  public double perHour() {
    return minimum * 60.0 / window.toMinutes();
  }
}
