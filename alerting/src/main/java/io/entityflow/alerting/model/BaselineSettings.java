package io.entityflow.alerting.model;

import java.time.Duration;

/**
 * How baselines are learned.
 *
 * <pre>{@code
 * BaselineSettings settings = new BaselineSettings(4, Duration.ofDays(7), Duration.ofHours(24));
 * }</pre>
 *
 * @param weeks weeks of history the hour-of-week profile averages (default 4)
 * @param minHistory history needed before a series is judged (default 7 days)
 * @param excludeRecent most recent span left out of learning so an ongoing drop does not teach the
 *     baseline (default 24 hours)
 */
public record BaselineSettings(int weeks, Duration minHistory, Duration excludeRecent) {
  /** Validates the settings. */
  public BaselineSettings {
    if (weeks < 1) {
      throw new IllegalArgumentException("baseline weeks must be at least 1, got " + weeks);
    }
    if (minHistory.isNegative() || excludeRecent.isNegative()) {
      throw new IllegalArgumentException(
          "baseline min-history and exclude-recent must not be negative, got "
              + minHistory
              + " and "
              + excludeRecent);
    }
  }

  /** 4 weeks, 7 days minimum, last 24 hours excluded. */
  public static BaselineSettings defaults() {
    return new BaselineSettings(4, Duration.ofDays(7), Duration.ofHours(24));
  }

  /** The span of history a query must cover: learning weeks plus the excluded recent span. */
  public Duration lookback() {
    return Duration.ofDays(7L * weeks).plus(excludeRecent).plusHours(1);
  }
}
