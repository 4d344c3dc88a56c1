package io.entityflow.alerting.state;

import io.entityflow.alerting.evaluation.ChartPoint;
import io.entityflow.alerting.evaluation.SeriesStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Exact event counts since an instant inside an hour, from hourly counts: the events of that hour
 * beyond the count seen at the instant, plus the hours after it (complete hours from the chart, the
 * current one so far).
 *
 * <pre>{@code
 * long n = EventsSince.count(from, countOfItsHourAtFrom, status, evaluation.judgedUntil());
 * }</pre>
 *
 * <p>Guarantees: never negative; exact as long as {@code from} is within the status' chart.
 */
final class EventsSince {
  private EventsSince() {}

  /**
   * Events in {@code [from, now)}, where {@code hourCountAtFrom} events of from's hour were seen.
   */
  static long count(Instant from, long hourCountAtFrom, SeriesStatus status, Instant now) {
    Instant fromHour = from.truncatedTo(ChronoUnit.HOURS);
    Instant currentHour = now.truncatedTo(ChronoUnit.HOURS);
    if (fromHour.equals(currentHour)) {
      return Math.max(0, status.eventsThisHour() - hourCountAtFrom);
    }
    long sum = status.eventsThisHour();
    for (ChartPoint p : status.chart()) {
      if (p.hour().equals(fromHour)) {
        sum += Math.max(0, p.observed() - hourCountAtFrom);
      } else if (p.hour().isAfter(fromHour) && p.hour().isBefore(currentHour)) {
        sum += p.observed();
      }
    }
    return sum;
  }
}
