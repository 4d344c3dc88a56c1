package io.entityflow.alerting.state;

import io.entityflow.alerting.model.RecoveryTest;
import java.time.Duration;

/**
 * How incidents start, change, group and end.
 *
 * <pre>{@code
 * new AlertLifecycle(store, silences, LifecycleSettings.defaults());
 * }</pre>
 *
 * @param ingestionResolveAfter a firing ingestion-down incident resolves only after it was not
 *     found for this long (default 2 minutes)
 * @param recovery the test a learned series must pass before its incident resolves
 * @param updateAfter a new condition (DROP to SILENCE, or back) replaces the incident's one only
 *     after it held this long; one UPDATED notification then (default 10 minutes)
 * @param groupWindow a series incident starting at most this long after an open incident of the
 *     same domain started joins it instead of paging anew (default 15 minutes; 0 = no grouping)
 */
public record LifecycleSettings(
    Duration ingestionResolveAfter,
    RecoveryTest recovery,
    Duration updateAfter,
    Duration groupWindow) {

  /** Validates. */
  public LifecycleSettings {
    if (ingestionResolveAfter.isNegative()
        || updateAfter.isNegative()
        || groupWindow.isNegative()) {
      throw new IllegalArgumentException(
          "incident durations must not be negative, got ingestion resolve-after "
              + ingestionResolveAfter
              + ", update-after "
              + updateAfter
              + ", grouping window "
              + groupWindow);
    }
  }

  /** 2 minutes ingestion hysteresis, the default recovery test, 10 minutes, 15 minutes. */
  public static LifecycleSettings defaults() {
    return new LifecycleSettings(
        Duration.ofMinutes(2),
        RecoveryTest.defaults(),
        Duration.ofMinutes(10),
        Duration.ofMinutes(15));
  }

  /** These settings with another ingestion-down resolve-after. */
  public LifecycleSettings withIngestionResolveAfter(Duration d) {
    return new LifecycleSettings(d, recovery, updateAfter, groupWindow);
  }
}
