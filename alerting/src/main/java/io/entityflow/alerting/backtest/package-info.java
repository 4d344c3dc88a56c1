/**
 * Backtest: replays a rule over history (the local warehouse or a CSV of {@code timestamp,count}),
 * optionally with injected outages, and reports the alerts that would have fired and detection
 * delays.
 */
package io.entityflow.alerting.backtest;
