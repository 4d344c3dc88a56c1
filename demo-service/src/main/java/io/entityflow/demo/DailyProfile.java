package io.entityflow.demo;

/**
 * The daily rhythm of a retail business: the share of the peak rate at each hour of the day, low at
 * night, rising in the morning, peaking at lunch and in the early evening.
 *
 * <pre>{@code
 * double salesPerMinute = peak * DailyProfile.RETAIL.share(12.5); // lunch peak: 1.0 x peak
 * }</pre>
 */
public final class DailyProfile {
  /** The retail profile, one value per hour 0..23 (share of peak). */
  public static final DailyProfile RETAIL =
      new DailyProfile(
          new double[] {
            0.05, 0.03, 0.02, 0.02, 0.03, 0.05, 0.12, 0.25, 0.45, 0.60, 0.70, 0.85, 1.00, 0.95,
            0.75, 0.70, 0.75, 0.90, 0.95, 0.80, 0.55, 0.35, 0.20, 0.10
          });

  private final double[] hourly;

  private DailyProfile(double[] hourly) {
    this.hourly = hourly.clone();
  }

  /**
   * Share of the peak rate at a fractional hour of the day, linearly interpolated between hours.
   *
   * @param hourOfDay from 0 (inclusive) to 24 (exclusive)
   */
  public double share(double hourOfDay) {
    if (hourOfDay < 0 || hourOfDay >= 24) {
      throw new IllegalArgumentException("hour of day must be in [0, 24), got " + hourOfDay);
    }
    int hour = (int) hourOfDay;
    double fraction = hourOfDay - hour;
    return hourly[hour] * (1 - fraction) + hourly[(hour + 1) % 24] * fraction;
  }
}
