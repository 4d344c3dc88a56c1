package io.entityflow.alerting.backtest;

import io.entityflow.alerting.rules.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * How an injected outage was detected.
 *
 * <pre>{@code
 * d.delay(); d.optimum(); d.ratio(); // e.g. 9m, 8m, OptionalDouble[1.12]
 * d.noOptimumReason();              // e.g. "static rule, no Poisson optimum" when none
 * }</pre>
 *
 * <p>Guarantees: {@link #ratio()} is present exactly when the outage was detected and has a
 * positive optimum; it is never NaN or infinite. Exactly one of {@code optimum} and {@code
 * noOptimumReason} is null.
 *
 * @param outage the injected window (events removed)
 * @param detectedAt first page at or after its start and before its end plus the grace period, or
 *     null when missed
 * @param delay detection time minus outage start, or null
 * @param optimum Poisson-optimal delay: time until {@code ln(1/alpha)} events were expected, or
 *     null when it is not defined
 * @param noOptimumReason why there is no optimum (e.g. {@code static rule, no Poisson optimum}: a
 *     static minimum has no silence test), or null when there is one
 * @param alpha the silence test's significance at the outage start (0 without a learned baseline)
 * @param notifications pages and resolves attributed to the outage (updates do not count)
 */
public record OutageDetection(
    TimeWindow outage,
    Instant detectedAt,
    Duration delay,
    Duration optimum,
    String noOptimumReason,
    double alpha,
    int notifications) {
  /** Checks that an outage has either an optimum or the reason it has none. */
  public OutageDetection {
    if ((optimum == null) == (noOptimumReason == null)) {
      throw new IllegalArgumentException(
          "an outage detection needs either an optimum or the reason it has none, got optimum "
              + optimum
              + " and reason "
              + noOptimumReason);
    }
  }

  /** {@code delay / optimum}; empty when missed or without a positive optimum. */
  public OptionalDouble ratio() {
    if (delay == null || optimum == null || optimum.isZero()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((double) delay.toMillis() / optimum.toMillis());
  }
}
