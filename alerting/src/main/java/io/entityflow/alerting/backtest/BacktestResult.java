package io.entityflow.alerting.backtest;

import io.entityflow.alerting.notify.Notification;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of a replay: what the service would have sent, what its judge found, and how each
 * watched outage was detected.
 *
 * <pre>{@code
 * BacktestResult r = backtester.run(rows, from, to, outages, outages);
 * r.notifications().forEach(n -> System.out.println(n.at() + " " + n.title()));
 * r.score().falsePagesPerMonth();
 * }</pre>
 *
 * @param replayed the judged span
 * @param evaluations how many evaluations ran
 * @param notifications the lifecycle's notifications, in time order
 * @param findings every uninterrupted span of a finding, by first evaluation
 * @param outages detection of each watched outage, in input order
 * @param score the notifications scored against the watched outages
 */
public record BacktestResult(
    Duration replayed,
    long evaluations,
    List<Notification> notifications,
    List<FindingSpan> findings,
    List<OutageDetection> outages,
    NotificationScore score) {
  /** Copies the lists. */
  public BacktestResult {
    notifications = List.copyOf(notifications);
    findings = List.copyOf(findings);
    outages = List.copyOf(outages);
  }

  /** The notifications as on-call receives them (pages, updates, resolves). */
  public List<OnCallMessage> messages() {
    return notifications.stream().map(OnCallMessage::of).toList();
  }
}
