package io.entityflow.alerting.state;

/**
 * Lifecycle of an alert: {@code PENDING -> FIRING -> RESOLVED}.
 *
 * <pre>{@code
 * if (alert.status() == AlertStatus.FIRING) { ... }
 * }</pre>
 */
public enum AlertStatus {
  /** The condition holds but not yet for {@code pending-for} (or the cooldown is running). */
  PENDING,
  /** Firing: notified (unless silenced). */
  FIRING,
  /** The condition no longer holds; a resolved message went to the same channels. */
  RESOLVED
}
