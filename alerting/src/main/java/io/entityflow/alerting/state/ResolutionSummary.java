package io.entityflow.alerting.state;

import io.entityflow.alerting.evaluation.Condition;
import io.entityflow.alerting.evaluation.Durations;
import io.entityflow.alerting.evaluation.Evaluation;
import io.entityflow.alerting.evaluation.SeriesStatus;
import io.entityflow.alerting.model.RecoveryVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The sentence of a resolve: what came back, not the firing summary again. A learned series
 * resolves when its recovery test passed, and the sentence gives that test's counts, e.g. {@code
 * retail.sale_v1/CREATED events are back: 23 in the last 12m (since 2026-01-19T10:42:00Z, latest at
 * 2026-01-19T10:53:55Z), 20.1 expected, P(at most 23) = 0.71 >= 0.01; silent for at least 47m (no
 * events after 2026-01-19T09:55:00Z)}. Ingestion, static minimums and series no longer watched have
 * their own sentences.
 *
 * <pre>{@code
 * String text = ResolutionSummary.of(alert, evaluation, verdict);
 * }</pre>
 *
 * <p>Guarantees: counts are exact (from the hourly counts); a learned series' sentence never says
 * that zero events came back (its recovery test needs at least one); never null.
 */
final class ResolutionSummary {
  private ResolutionSummary() {}

  /**
   * The resolve sentence of {@code alert}, which {@code evaluation} no longer finds; {@code
   * recovery} is the passed recovery test of a learned series, else null.
   */
  static String of(AlertRecord alert, Evaluation evaluation, RecoveryVerdict recovery) {
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
    if (recovery != null) {
      StringBuilder text =
          new StringBuilder()
              .append(alert.getSeriesId())
              .append(
                  Condition.SILENCE.name().equals(alert.getCondition())
                      ? " events are back: "
                      : " is back to its expected level: ")
              .append(recovery.observed())
              .append(" in the last ")
              .append(Durations.format(Duration.between(recovery.from(), recovery.to())))
              .append(" (since ")
              .append(recovery.from());
      if (status.lastEventAt() != null) {
        text.append(", latest at ").append(status.lastEventAt());
      }
      text.append(
          String.format(
              Locale.ROOT,
              "), %.1f expected, P(at most %d) = %.2f >= %s",
              recovery.expected(),
              recovery.observed(),
              recovery.probabilityAtMost(),
              String.valueOf(recovery.alpha())));
      if (Condition.SILENCE.name().equals(alert.getCondition())
          && alert.getSilentSince() != null
          && alert.getWatchedUntil() != null) {
        text.append("; silent for at least ")
            .append(
                Durations.format(Duration.between(alert.getSilentSince(), alert.getWatchedUntil())))
            .append(" (no events after ")
            .append(alert.getSilentSince())
            .append(")");
      }
      return text.toString();
    }
    String what =
        Condition.BELOW_MINIMUM.name().equals(alert.getCondition())
            ? " is back above its minimum: "
            : " is back to normal: ";
    return alert.getSeriesId() + what + status.detail();
  }
}
