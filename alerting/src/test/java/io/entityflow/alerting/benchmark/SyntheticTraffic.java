package io.entityflow.alerting.benchmark;

import io.entityflow.alerting.backtest.CountRow;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic per-minute event counts with daily and weekly seasonality and count noise: the true
 * rate of hour {@code h} is {@code base * daily(hour of day) * weekly(day) * g}, where {@code g} is
 * a Gamma(100, 1/100) multiplier per hour (10% over-dispersion), and each minute's count is
 * Poisson.
 *
 * <p>Series {@code i} with {@code i % 4 == 0} are low-volume (base 1-10 events/hour), the rest
 * 20-400 events/hour; half of the series are quieter at weekends, a quarter busier.
 */
public final class SyntheticTraffic {
  private final SplittableRandom random;
  private final double base;
  private final double weekend;
  private final int peakHour;

  /** Series number {@code index} of a seeded family. */
  public SyntheticTraffic(long seed, int index) {
    this.random = new SplittableRandom(seed * 1_000_003L + index);
    this.base = index % 4 == 0 ? 1 + random.nextDouble() * 9 : 20 + random.nextDouble() * 380;
    this.weekend = index % 2 == 0 ? 0.5 : (index % 4 == 1 ? 1.3 : 0.9);
    this.peakHour = 11 + random.nextInt(8);
  }

  /** Mean events per hour over a week, roughly. */
  public double base() {
    return base;
  }

  /** The true mean rate (events/hour) of the hour starting at {@code hour}, without noise. */
  public double meanRate(Instant hour) {
    ZonedDateTime t = hour.atZone(ZoneOffset.UTC);
    int h = t.getHour();
    double distance = Math.min(Math.abs(h - peakHour), 24 - Math.abs(h - peakHour));
    double daily = 0.25 + 1.5 * Math.exp(-distance * distance / 18.0);
    double weekly = t.getDayOfWeek().getValue() >= 6 ? weekend : 1.0;
    return base * daily * weekly;
  }

  /** Per-minute rows over {@code hours} hours from {@code start}. */
  public List<CountRow> minutes(Instant start, int hours) {
    List<CountRow> rows = new ArrayList<>(hours * 60);
    for (int hour = 0; hour < hours; hour++) {
      Instant h = start.plusSeconds(3600L * hour);
      double rate = meanRate(h) * gamma100();
      double perMinute = rate / 60.0;
      for (int m = 0; m < 60; m++) {
        rows.add(new CountRow(h.plusSeconds(60L * m), poisson(perMinute)));
      }
    }
    return rows;
  }

  private double gamma100() {
    // Sum of 100 exponentials / 100 ~ Gamma(shape 100, scale 1/100): mean 1, cv 0.1.
    double sum = 0;
    for (int i = 0; i < 100; i++) {
      sum -= Math.log(1 - random.nextDouble());
    }
    return sum / 100;
  }

  private long poisson(double lambda) {
    return PoissonDraw.draw(random, lambda);
  }
}
