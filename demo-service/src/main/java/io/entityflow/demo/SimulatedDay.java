package io.entityflow.demo;

import java.time.Duration;

/**
 * Maps real elapsed time onto a simulated day that lasts {@code dayLength}, starting at a chosen
 * hour, so a day of traffic passes in minutes. Event timestamps stay real: only the rates follow
 * the simulated hour.
 *
 * <pre>{@code
 * SimulatedDay day = new SimulatedDay(Duration.ofMinutes(10), 8.0);
 * day.hourOfDay(Duration.ofMinutes(5)); // 20.0: half a day after 08:00
 * }</pre>
 */
public record SimulatedDay(Duration dayLength, double startHour) {

  public SimulatedDay {
    if (dayLength.isZero() || dayLength.isNegative()) {
      throw new IllegalArgumentException(
          "entityflow.demo.day-length must be positive, got " + dayLength);
    }
  }

  /** The simulated hour of day after {@code elapsed} real time. */
  public double hourOfDay(Duration elapsed) {
    double days = (double) elapsed.toNanos() / dayLength.toNanos();
    double hour = (startHour + days * 24) % 24;
    return hour < 0 ? hour + 24 : hour;
  }
}
