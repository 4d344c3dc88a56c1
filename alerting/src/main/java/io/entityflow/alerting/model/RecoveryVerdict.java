package io.entityflow.alerting.model;

import java.time.Instant;

/**
 * The verdict of a {@link RecoveryTest} over one window.
 *
 * <pre>{@code
 * RecoveryVerdict v = RecoveryTest.defaults().judge(baseline, from, to, 23);
 * v.back(); // true when 23 events are consistent with v.expected()
 * }</pre>
 *
 * @param from window start
 * @param to window end (the judged instant)
 * @param observed events in the window
 * @param expected events the baseline expected in it
 * @param probabilityAtMost {@code P(X <= observed)} under the baseline
 * @param alpha the test's significance
 * @param decided true when the window was long enough to be judged
 * @param back true when decided, at least one event arrived and the count is consistent
 */
public record RecoveryVerdict(
    Instant from,
    Instant to,
    long observed,
    double expected,
    double probabilityAtMost,
    double alpha,
    boolean decided,
    boolean back) {}
