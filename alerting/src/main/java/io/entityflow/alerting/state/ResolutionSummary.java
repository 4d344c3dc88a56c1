package io.entityflow.alerting.state;

import io.entityflow.alerting.evaluation.ChartPoint;
import io.entityflow.alerting.evaluation.Condition;
import io.entityflow.alerting.evaluation.Durations;
import io.entityflow.alerting.evaluation.Evaluation;
import io.entityflow.alerting.evaluation.SeriesStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The sentence of a resolved notification: what came back, not the firing summary again. For a
 * silence: how many events arrived since the last evaluation that still saw it silent, the latest
 * one, and how long the series was silent, e.g. {@code retail.sale_v1/CREATED events are back: 12
 * in the last 5m (since 2026-01-19T10:42:00Z, latest at 2026-01-19T10:46:55Z); silent for at least
 * 47m (no events after 2026-01-19T09:55:00Z)}.
 *
 * <pre>{@code
 * String text = ResolutionSummary.of(alert, evaluation);
 * }</pre>
 *
 * <p>Guarantees: counts are exact (from the hourly counts of the two evaluations); never null.
 */
final class ResolutionSummary {
  private ResolutionSummary() {}

  /** The resolve sentence of {@code alert}, which {@code evaluation} no longer finds. */
  static String of(AlertRecord alert, Evaluation evaluation) {
    Instant now = evaluation.judgedUntil();
    if (Condition.INGESTION_DOWN.name().equals(alert.getCondition())) {
      Instant latest =
          evaluation.series().stream()
              .map(SeriesStatus::lastEventAt)
              .filter(Objects::nonNull)
              .max(Instant::compareTo)
              .orElse(null);
      return "Ingestion is back: events judged through "
          + now
          + (latest == null ? "" : ", latest event at " + latest)
          + (evaluation.watermark() == null
              ? ""
              : ", pipeline watermark " + evaluation.watermark());
    }
    SeriesStatus status =
        evaluation.series().stream()
            .filter(s -> s.seriesId().equals(alert.getSeriesId()))
            .findFirst()
            .orElse(null);
    if (status == null) {
      return alert.getSeriesId()
          + ": "
          + alert.getCondition()
          + " no longer found at "
          + now
          + " (the series is no longer watched)";
    }
    if (Condition.SILENCE.name().equals(alert.getCondition()) && alert.getWatchedUntil() != null) {
      Instant watched = alert.getWatchedUntil();
      long back = eventsSince(watched, alert.getWatchedHourCount(), status, now);
      StringBuilder text =
          new StringBuilder()
              .append(alert.getSeriesId())
              .append(" events are back: ")
              .append(back)
              .append(" in the last ")
              .append(Durations.format(Duration.between(watched, now)))
              .append(" (since ")
              .append(watched);
      if (status.lastEventAt() != null) {
        text.append(", latest at ").append(status.lastEventAt());
      }
      text.append(")");
      if (alert.getSilentSince() != null) {
        text.append("; silent for at least ")
            .append(Durations.format(Duration.between(alert.getSilentSince(), watched)))
            .append(" (no events after ")
            .append(alert.getSilentSince())
            .append(")");
      }
      return text.toString();
    }
    String what =
        Condition.DROP.name().equals(alert.getCondition())
            ? " is back to its expected level: "
            : Condition.BELOW_MINIMUM.name().equals(alert.getCondition())
                ? " is back above its minimum: "
                : " is back to normal: ";
    return alert.getSeriesId() + what + status.detail();
  }

  /**
   * Events after {@code watched}: the events of its hour beyond the {@code watchedHourCount} seen
   * then, plus the hours after it (complete hours from the chart, the current one so far).
   */
  private static long eventsSince(
      Instant watched, long watchedHourCount, SeriesStatus status, Instant now) {
    Instant watchedHour = watched.truncatedTo(ChronoUnit.HOURS);
    Instant currentHour = now.truncatedTo(ChronoUnit.HOURS);
    if (watchedHour.equals(currentHour)) {
      return Math.max(0, status.eventsThisHour() - watchedHourCount);
    }
    long sum = status.eventsThisHour();
    for (ChartPoint p : status.chart()) {
      if (p.hour().equals(watchedHour)) {
        sum += Math.max(0, p.observed() - watchedHourCount);
      } else if (p.hour().isAfter(watchedHour) && p.hour().isBefore(currentHour)) {
        sum += p.observed();
      }
    }
    return sum;
  }
}
