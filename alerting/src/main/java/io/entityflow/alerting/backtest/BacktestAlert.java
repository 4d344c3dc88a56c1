package io.entityflow.alerting.backtest;

import java.time.Instant;

/**
 * An alert the rule would have sent during the replay.
 *
 * <pre>{@code
 * result.alerts().forEach(a -> System.out.println(a.firedAt() + " " + a.summary()));
 * }</pre>
 *
 * @param firedAt when it fired
 * @param resolvedAt when it resolved, or null when still firing at the end
 * @param condition SILENCE, DROP or BELOW_MINIMUM
 * @param summary the message
 * @param duringOutage true when it overlaps an injected outage
 */
public record BacktestAlert(
    Instant firedAt, Instant resolvedAt, String condition, String summary, boolean duringOutage) {}
