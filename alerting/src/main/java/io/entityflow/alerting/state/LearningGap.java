package io.entityflow.alerting.state;

import java.time.Instant;

/**
 * A span of one series that must not teach its baseline: the time of a past incident (from the
 * start of the span its condition judged to its resolve), or of a silence that matched it.
 *
 * <pre>{@code
 * new LearningGap("retail.sale_v1/CREATED", from, to).overlaps(hourStart, hourEnd);
 * }</pre>
 *
 * @param seriesId the series, or a silence matcher (series id prefix or {@code *}) when {@code
 *     matcher} is true
 * @param from start (inclusive)
 * @param to end (exclusive)
 * @param matcher true when {@code seriesId} is a silence matcher
 */
public record LearningGap(String seriesId, Instant from, Instant to, boolean matcher) {

  /** True when the gap covers part of {@code [start, end)} for {@code series}. */
  boolean covers(String series, Instant start, Instant end) {
    if (!from.isBefore(end) || !to.isAfter(start)) {
      return false;
    }
    return matcher ? Silence.matchesSeries(seriesId, series) : seriesId.equals(series);
  }
}
