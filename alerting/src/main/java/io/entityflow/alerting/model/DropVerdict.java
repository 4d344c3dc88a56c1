package io.entityflow.alerting.model;

import java.time.Instant;

/**
 * The outcome of the drop CUSUM for one series.
 *
 * <pre>{@code
 * DropVerdict v = DropCusum.judge(baseline, counts, watermark, sensitivity);
 * if (v.dropped()) { ... v.observed() + " of " + v.expected() ... }
 * }</pre>
 *
 * @param dropped true when the CUSUM statistic crossed its threshold
 * @param statistic the CUSUM statistic at the last complete hour
 * @param threshold the decision threshold
 * @param since start of the run of hours the statistic accumulated over, or null
 * @param observed events observed over that run
 * @param expected events expected over that run
 */
public record DropVerdict(
    boolean dropped,
    double statistic,
    double threshold,
    Instant since,
    long observed,
    double expected) {}
