package io.entityflow.alerting.backtest;

import io.entityflow.alerting.rules.TimeWindow;
import java.time.Duration;
import java.time.Instant;

/**
 * How an injected outage was detected.
 *
 * <pre>{@code
 * d.delay(); d.optimum(); d.ratio(); // e.g. 9m, 8m, 1.12
 * }</pre>
 *
 * @param outage the injected window (events removed)
 * @param detectedAt first alert at or after its start, inside it, or null when missed
 * @param delay detection time minus outage start, or null
 * @param optimum Poisson-optimal delay: time until {@code ln(1/alpha)} events were expected
 * @param ratio {@code delay / optimum}, or NaN when missed
 * @param alpha the silence test's significance at the outage start
 */
public record OutageDetection(
    TimeWindow outage,
    Instant detectedAt,
    Duration delay,
    Duration optimum,
    double ratio,
    double alpha) {}
