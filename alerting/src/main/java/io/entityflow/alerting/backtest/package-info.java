/**
 * Backtest: replays history (the local warehouse or a CSV of {@code timestamp,count}), optionally
 * with injected outages, through the service's own evaluator, judge, lifecycle and scheduler on a
 * simulated clock, and reports the notifications on-call would have received, the findings, and
 * detection delays; {@link io.entityflow.alerting.backtest.NotificationScore} scores notifications
 * against labelled incidents.
 */
package io.entityflow.alerting.backtest;
