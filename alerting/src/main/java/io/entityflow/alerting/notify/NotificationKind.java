package io.entityflow.alerting.notify;

/**
 * What a notification announces. Only a {@link #FIRING} that is not a repeat pages; an {@link
 * #UPDATED} changes an open incident under the same dedup key (PagerDuty deduplicates it into the
 * open incident, Slack and e-mail show it as an update).
 *
 * <pre>{@code
 * if (n.kind() == NotificationKind.RESOLVED) { ... }
 * }</pre>
 */
public enum NotificationKind {
  /** The incident starts (or is reminded of, when {@link Notification#repeat()}). */
  FIRING,
  /** The open incident changed: a condition escalated or eased, a series joined or recovered. */
  UPDATED,
  /** The incident ended. */
  RESOLVED
}
