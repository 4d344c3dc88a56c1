package io.entityflow.alerting.state;

import io.entityflow.alerting.evaluation.ChartPoint;
import io.entityflow.alerting.evaluation.Evaluation;
import io.entityflow.alerting.evaluation.Finding;
import io.entityflow.alerting.evaluation.SeriesState;
import io.entityflow.alerting.evaluation.SeriesStatus;
import io.entityflow.alerting.model.Baseline;
import io.entityflow.alerting.model.HourOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Events of a few series at exact instants, turned into what an evaluation carries (events this
 * hour, complete hourly chart points, the latest event) and a flat baseline per series.
 */
final class SeriesTimeline {
  private final Map<String, List<Instant>> events = new LinkedHashMap<>();
  private final Map<String, Baseline> baselines = new LinkedHashMap<>();

  /** A series expecting {@code perHour} events every hour, Poisson. */
  SeriesTimeline series(String id, double perHour) {
    double[] rates = new double[HourOfWeek.HOURS];
    Arrays.fill(rates, perHour);
    baselines.put(id, new Baseline(rates, 1.0, 0, ZoneOffset.UTC, Duration.ofDays(28), h -> false));
    events.put(id, new ArrayList<>());
    return this;
  }

  /** One event every {@code every} in {@code [from, to)}. */
  SeriesTimeline every(String id, Duration every, Instant from, Instant to) {
    for (Instant t = from; t.isBefore(to); t = t.plus(every)) {
      events.get(id).add(t);
    }
    return this;
  }

  /** One event at each instant. */
  SeriesTimeline at(String id, Instant... instants) {
    events.get(id).addAll(List.of(instants));
    return this;
  }

  /** The latest event of the series before {@code now}, or null. */
  Instant lastEventBefore(String id, Instant now) {
    Instant last = null;
    for (Instant e : events.get(id)) {
      if (e.isBefore(now) && (last == null || e.isAfter(last))) {
        last = e;
      }
    }
    return last;
  }

  /** The evaluation at {@code now} (judged through now) with these findings. */
  Evaluation evaluation(Instant now, List<Finding> findings) {
    List<SeriesStatus> statuses = new ArrayList<>();
    for (String id : events.keySet()) {
      statuses.add(status(id, now));
    }
    return new Evaluation(now, now, null, statuses, findings, null, baselines);
  }

  private SeriesStatus status(String id, Instant now) {
    Instant hour = now.truncatedTo(ChronoUnit.HOURS);
    long thisHour = count(id, hour, now);
    List<ChartPoint> chart = new ArrayList<>();
    for (int i = 48; i >= 1; i--) {
      Instant h = hour.minus(Duration.ofHours(i));
      double mu = baselines.get(id).expectedRate(h);
      chart.add(new ChartPoint(h, count(id, h, h.plus(Duration.ofHours(1))), mu, mu, mu));
    }
    return new SeriesStatus(
        id,
        "default",
        SeriesState.OK,
        "Poisson",
        baselines.get(id).expectedRate(now),
        lastEventBefore(id, now),
        1e-6,
        null,
        "ok",
        chart,
        thisHour);
  }

  private long count(String id, Instant from, Instant to) {
    return events.get(id).stream().filter(e -> !e.isBefore(from) && e.isBefore(to)).count();
  }
}
