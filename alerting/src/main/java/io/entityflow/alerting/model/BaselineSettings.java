package io.entityflow.alerting.model;

import java.time.Duration;

/**
 * How baselines are learned (the rule in full: {@link SeasonalBaselineLearner}).
 *
 * <pre>{@code
 * BaselineSettings settings = new BaselineSettings(8, Duration.ofDays(7), Duration.ofHours(24), 5);
 * settings.relearnBound(); // PT144H: a lasting level shift is learnt within 6 days
 * }</pre>
 *
 * @param weeks weeks of history the hour-of-week profile is estimated from (default 8: abnormal
 *     weeks such as a holiday season stay a minority that the robust estimate leaves out); the
 *     count query's lookback, and so its cost in BigQuery, grows with it
 * @param minHistory history needed before a series is judged (default 7 days)
 * @param excludeRecent most recent span left out of learning so an ongoing drop does not teach the
 *     baseline (default 24 hours)
 * @param levelDays days (of 24 hours that are neither quiet nor in a calendar period) the level
 *     factor is measured over, ending {@code excludeRecent} before the judged instant (default 5)
 */
public record BaselineSettings(
    int weeks, Duration minHistory, Duration excludeRecent, int levelDays) {
  /** Default weeks of the profile. */
  public static final int DEFAULT_WEEKS = 8;

  /** Default days of the level factor. */
  public static final int DEFAULT_LEVEL_DAYS = 5;

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
    if (levelDays < 1 || levelDays > 7 * weeks) {
      throw new IllegalArgumentException(
          "baseline level days must be between 1 and 7 x weeks ("
              + 7 * weeks
              + "), got "
              + levelDays);
    }
  }

  /** Settings with the default {@link #levelDays()} (5). */
  public BaselineSettings(int weeks, Duration minHistory, Duration excludeRecent) {
    this(weeks, minHistory, excludeRecent, Math.min(DEFAULT_LEVEL_DAYS, 7 * Math.max(1, weeks)));
  }

  /** 8 weeks, 7 days minimum, last 24 hours excluded, level over 5 days. */
  public static BaselineSettings defaults() {
    return new BaselineSettings(
        DEFAULT_WEEKS, Duration.ofDays(7), Duration.ofHours(24), DEFAULT_LEVEL_DAYS);
  }

  /** The span of history a query must cover: learning weeks plus the excluded recent span. */
  public Duration lookback() {
    return Duration.ofDays(7L * weeks).plus(excludeRecent).plusHours(1);
  }

  /**
   * The longest time after a lasting level shift until the level factor is measured on shifted days
   * only: {@code excludeRecent + levelDays} days (6 days by default). When a day's count is precise
   * enough to tell the two levels apart, the median of the newest 3 days already follows after
   * {@code excludeRecent + 2} days (3 days by default), and the old days are left out.
   */
  public Duration relearnBound() {
    return excludeRecent.plus(Duration.ofDays(levelDays));
  }
}
