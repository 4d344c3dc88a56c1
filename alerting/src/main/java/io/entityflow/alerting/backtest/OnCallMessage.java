package io.entityflow.alerting.backtest;

import io.entityflow.alerting.notify.Notification;
import java.time.Instant;

/**
 * A notification as on-call receives it: a page (an alert starting), an update that does not page
 * (a repeat of a firing alert, or any other kind the lifecycle sends, such as an escalation), or
 * the end of an alert. What the backtest's scores count.
 *
 * <pre>{@code
 * OnCallMessage m = OnCallMessage.of(notification);
 * if (m.kind() == OnCallMessage.Kind.PAGE) { ... }
 * }</pre>
 *
 * @param at when it was sent
 * @param alertStartedAt when the alert it belongs to started (its page); equals {@code at} for a
 *     page
 * @param kind page, update or resolve
 */
public record OnCallMessage(Instant at, Instant alertStartedAt, Kind kind) {
  /** What a message does to on-call. */
  public enum Kind {
    /** A new alert: pages. */
    PAGE,
    /** More about an alert already paged (repeat, escalation): does not page. */
    UPDATE,
    /** The alert ended. */
    RESOLVE
  }

  /**
   * Classifies a service notification: a FIRING that is not a repeat pages; RESOLVED ends; every
   * other (a repeat, an UPDATED) is an update.
   */
  public static OnCallMessage of(Notification n) {
    String kind = n.kind().name();
    Instant started = n.startedAt() == null ? n.at() : n.startedAt();
    if (kind.equals("FIRING") && !n.repeat()) {
      return new OnCallMessage(n.at(), n.at(), Kind.PAGE);
    }
    return new OnCallMessage(n.at(), started, kind.equals("RESOLVED") ? Kind.RESOLVE : Kind.UPDATE);
  }
}
