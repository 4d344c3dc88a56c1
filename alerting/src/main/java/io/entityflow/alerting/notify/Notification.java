package io.entityflow.alerting.notify;

import java.time.Instant;
import java.util.List;

/**
 * One message to send: an alert firing (or firing again after the repeat interval) or resolved.
 * Carries no event payloads, only counts and the summary.
 *
 * <pre>{@code
 * Notification n = new Notification("ef-3f2a...", NotificationKind.FIRING, false, "default",
 *     "retail.sale_v1/CREATED", "SILENCE", "No CREATED events ...", 0, 14.2, startedAt, now, List.of());
 * }</pre>
 *
 * @param dedupKey the alert's stable dedup key
 * @param kind firing or resolved
 * @param repeat true when re-sent after the repeat interval
 * @param ruleId rule id
 * @param seriesId series id ({@code *} for ingestion)
 * @param condition condition name
 * @param summary one human sentence
 * @param observed observed events
 * @param expected expected events
 * @param startedAt when the alert started firing
 * @param at when this notification was produced
 * @param channels channel names; empty means every enabled channel
 */
public record Notification(
    String dedupKey,
    NotificationKind kind,
    boolean repeat,
    String ruleId,
    String seriesId,
    String condition,
    String summary,
    double observed,
    double expected,
    Instant startedAt,
    Instant at,
    List<String> channels) {
  /** Copies the list. */
  public Notification {
    channels = List.copyOf(channels);
  }

  /** A one-line title, e.g. {@code [FIRING] SILENCE retail.sale_v1/CREATED}. */
  public String title() {
    return "[" + kind + "] " + condition + " " + seriesId;
  }
}
