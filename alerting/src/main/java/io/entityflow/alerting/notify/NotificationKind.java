package io.entityflow.alerting.notify;

/**
 * Whether a notification announces a firing or a resolved alert.
 *
 * <pre>{@code
 * if (n.kind() == NotificationKind.RESOLVED) { ... }
 * }</pre>
 */
public enum NotificationKind {
  /** The alert fires. */
  FIRING,
  /** The alert resolved. */
  RESOLVED
}
