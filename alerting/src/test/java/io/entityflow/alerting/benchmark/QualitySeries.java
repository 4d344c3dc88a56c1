package io.entityflow.alerting.benchmark;

import io.entityflow.alerting.backtest.CountRow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One synthetic series of the alert-quality benchmark, with its ground truth. Rows of 5 minutes;
 * the rate of an hour is {@code base x daily(hour) x weekly(day) x g}, {@code g} a Gamma multiplier
 * per hour (coefficient of variation 0.1 or 0.35: over-dispersed counts), each row Poisson. Class
 * by {@code index % 5}: 0 low volume (0.3-0.9 events/hour), 1 holiday season (two weeks with a
 * flatter daily shape and nights 3x busier), 2 a lasting level shift of +30% or -30%, 3-4 regular
 * (3-500 events/hour). Every series has two outages: a total one (15 minutes to 3 hours, no events)
 * and a near-total one (6-24 hours at 1-5% of the rate), in the last 8 weeks, apart from each
 * other, the holiday season and the first 8 days after a level shift.
 *
 * <pre>{@code
 * QualitySeries s = new QualitySeries(42, 7, START, 12);
 * List<CountRow> rows = s.rows();
 * }</pre>
 *
 * <p>Guarantees: deterministic for a seed and index; outages start and end on row boundaries.
 */
final class QualitySeries {
  static final Duration ROW = Duration.ofMinutes(5);

  /** An injected event (an outage, a level shift or the holiday season). */
  record Truth(String kind, Instant from, Instant to, double factor) {}

  final int index;
  final String cls;
  private final Instant start;
  private final int weeks;
  private final SplittableRandom random;
  private final double base;
  private final int peakHour;
  private final double nightFloor;
  private final double weekend;
  private final double cv;
  final Instant holidayFrom;
  final Instant holidayTo;
  final List<Truth> truth = new ArrayList<>();

  QualitySeries(long seed, int index, Instant start, int weeks) {
    this.index = index;
    this.start = start;
    this.weeks = weeks;
    this.random = new SplittableRandom(seed * 1_000_003L + index);
    int c = index % 5;
    cls = c == 0 ? "low" : c == 1 ? "holiday" : c == 2 ? "shift" : "regular";
    base =
        c == 0
            ? 0.3 + 0.6 * random.nextDouble()
            : Math.exp(Math.log(3) + Math.log(500 / 3.0) * u());
    peakHour = 9 + random.nextInt(11);
    nightFloor = 0.1 + 0.3 * random.nextDouble();
    weekend = new double[] {0.4, 0.8, 1.0, 1.3}[random.nextInt(4)];
    cv = index % 2 == 0 ? 0.1 : 0.35;
    Instant end = start.plus(Duration.ofDays(7L * weeks));
    holidayFrom = end.minus(Duration.ofDays(16));
    holidayTo = holidayFrom.plus(Duration.ofDays(14));
    if (c == 1) {
      truth.add(new Truth("holiday", holidayFrom, holidayTo, 3));
    }
    if (c == 2) {
      Instant shiftAt = start.plus(Duration.ofDays(30)).plus(minutes(30 * 1440));
      truth.add(new Truth("shift", shiftAt, shiftAt, (index / 5) % 2 == 0 ? 1.3 : 0.7));
    }
    boolean totalFirst = (index / 5) % 2 == 0;
    for (int k = 0; k < 2; k++) {
      boolean total = (k == 0) == totalFirst;
      Duration length =
          total
              ? Duration.ofMinutes(15 + 5 * random.nextInt(34))
              : Duration.ofMinutes(360 + 5 * random.nextInt(217));
      double factor = total ? 0 : 0.01 + 0.04 * random.nextDouble();
      Instant from;
      do {
        from = start.plus(Duration.ofDays(7L * weeks - 55)).plus(minutes(53 * 1440));
      } while (!clear(from, from.plus(length)));
      truth.add(new Truth(total ? "total" : "near-total", from, from.plus(length), factor));
    }
  }

  private double u() {
    return random.nextDouble();
  }

  /** A random row-aligned offset below {@code limitMinutes}. */
  private Duration minutes(int limitMinutes) {
    return ROW.multipliedBy(random.nextInt(limitMinutes / 5));
  }

  private boolean clear(Instant from, Instant to) {
    Duration apart = Duration.ofDays(2);
    for (Truth t : truth) {
      Instant a = t.from().minus(t.kind().equals("shift") ? Duration.ofDays(1) : apart);
      Instant b =
          t.kind().equals("shift")
              ? t.from().plus(Duration.ofDays(8))
              : t.kind().equals("holiday") ? t.to() : t.to().plus(apart);
      if (from.isBefore(b) && to.isAfter(a)) {
        return false;
      }
    }
    return true;
  }

  /** Mean events per hour at {@code hour}, before noise and outages. */
  double meanRate(Instant hour) {
    ZonedDateTime t = hour.atZone(ZoneOffset.UTC);
    int h = t.getHour();
    double d = Math.min(Math.abs(h - peakHour), 24 - Math.abs(h - peakHour));
    double peak = Math.exp(-d * d / 18.0);
    boolean holidayNow =
        cls.equals("holiday") && !hour.isBefore(holidayFrom) && hour.isBefore(holidayTo);
    double daily =
        holidayNow
            ? 3 * nightFloor + (0.7 - 3 * nightFloor) * peak + 0.1
            : nightFloor + (1 - nightFloor) * peak;
    double weekly = t.getDayOfWeek().getValue() >= 6 ? weekend : 1.0;
    double shift = 1.0;
    for (Truth s : truth) {
      if (s.kind().equals("shift") && !hour.isBefore(s.from())) {
        shift = s.factor();
      }
    }
    return base * Math.max(0.02, daily) * weekly * shift;
  }

  /** The 5-minute rows over the whole span, outages applied. */
  List<CountRow> rows() {
    int hours = weeks * 7 * 24;
    List<CountRow> rows = new ArrayList<>(hours * 12);
    double shape = 1 / (cv * cv);
    for (int hour = 0; hour < hours; hour++) {
      Instant h = start.plusSeconds(3600L * hour);
      double rate = meanRate(h) * gamma(shape) / shape;
      for (int m = 0; m < 12; m++) {
        Instant at = h.plus(ROW.multipliedBy(m));
        double factor = 1;
        for (Truth t : truth) {
          if ((t.kind().equals("total") || t.kind().equals("near-total"))
              && !at.isBefore(t.from())
              && at.isBefore(t.to())) {
            factor = t.factor();
          }
        }
        rows.add(new CountRow(at, poisson(rate / 12 * factor)));
      }
    }
    return rows;
  }

  /** The series' line of the series list. */
  String describe() {
    return String.format(
        Locale.ROOT,
        "%d,%s,%.3f,%d,%.2f,%.1f,%.2f",
        index,
        cls,
        base,
        peakHour,
        nightFloor,
        weekend,
        cv);
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang (shape >= 1). */
  private double gamma(double shape) {
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = random.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double uu = random.nextDouble();
      if (Math.log(uu) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  private long poisson(double lambda) {
    if (lambda <= 0) {
      return 0;
    }
    if (lambda > 60) {
      return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * random.nextGaussian()));
    }
    return PoissonDraw.draw(random, lambda);
  }
}
