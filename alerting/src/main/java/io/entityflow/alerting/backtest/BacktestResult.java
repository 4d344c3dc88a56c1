package io.entityflow.alerting.backtest;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a replay.
 *
 * <pre>{@code
 * BacktestResult r = backtester.run(rows, from, to, outages);
 * r.falseAlertsPerMonth();
 * }</pre>
 *
 * @param replayed the judged span
 * @param alerts alerts that would have fired
 * @param outages detection of each injected outage
 */
public record BacktestResult(
    Duration replayed, List<BacktestAlert> alerts, List<OutageDetection> outages) {
  /** Copies the lists. */
  public BacktestResult {
    alerts = List.copyOf(alerts);
    outages = List.copyOf(outages);
  }

  /** Alerts not overlapping any injected outage. */
  public long falseAlerts() {
    return alerts.stream().filter(a -> !a.duringOutage()).count();
  }

  /** False alerts scaled to a 30-day month. */
  public double falseAlertsPerMonth() {
    double days = replayed.toMinutes() / 1440.0;
    return days <= 0 ? 0 : falseAlerts() * 30.0 / days;
  }
}
