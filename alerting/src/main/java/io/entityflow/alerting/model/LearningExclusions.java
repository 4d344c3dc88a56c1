package io.entityflow.alerting.model;

import java.time.Instant;
import java.util.function.Predicate;

/**
 * Hours (by their start) that must not teach a series' hour-of-week profile: the hours of the
 * series' own incidents and of its silences. They still count for the level factor (see {@link
 * SeasonalBaselineLearner}), so a lasting level shift is learnt even while it is alerted.
 *
 * <pre>{@code
 * LearningExclusions exclusions = seriesId -> hour -> incidentHours.contains(seriesId + hour);
 * Predicate<Instant> excluded = exclusions.forSeries("retail.sale_v1/CREATED");
 * }</pre>
 *
 * <p>Guarantees: {@link #NONE} excludes nothing; implementations must be pure functions of their
 * arguments for the duration of one evaluation.
 */
@FunctionalInterface
public interface LearningExclusions {
  /** Excludes nothing. */
  LearningExclusions NONE = seriesId -> hour -> false;

  /** The hour starts of {@code seriesId} that must not teach its profile. */
  Predicate<Instant> forSeries(String seriesId);
}
