package io.entityflow.alerting.evaluation;

import java.time.Duration;

/**
 * Short human durations for messages: {@code 45s}, {@code 8m}, {@code 3h 5m}, {@code 2d 4h}.
 *
 * <pre>{@code
 * Durations.format(Duration.ofMinutes(185)); // "3h 5m"
 * }</pre>
 */
public final class Durations {
  private Durations() {}

  /** Formats a duration; null gives {@code n/a}. */
  public static String format(Duration d) {
    if (d == null) {
      return "n/a";
    }
    long s = d.getSeconds();
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m";
    }
    if (s < 86400) {
      long m = (s % 3600) / 60;
      return (s / 3600) + "h" + (m == 0 ? "" : " " + m + "m");
    }
    long h = (s % 86400) / 3600;
    return (s / 86400) + "d" + (h == 0 ? "" : " " + h + "h");
  }
}
