package io.entityflow.alerting.notify;

import io.entityflow.alerting.evaluation.Condition;
import java.time.Instant;
import java.util.List;

/**
 * One message to send about an incident: it fires (or is reminded of after the repeat interval), is
 * updated (escalation, easing, series joining or recovering) or resolved. Carries no event
 * payloads, only counts and the summary.
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
 * @param previousCondition the condition before an escalation or easing announced by an {@link
 *     NotificationKind#UPDATED}, else null
 * @param members the series of the incident (one for a single series, several when grouped)
 * @param history the incident's history so far, oldest first
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
    List<String> channels,
    String previousCondition,
    List<String> members,
    List<IncidentUpdate> history) {
  /** Copies the lists. */
  public Notification {
    channels = List.copyOf(channels);
    members = List.copyOf(members);
    history = List.copyOf(history);
  }

  /** A notification of one series without history. */
  public Notification(
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
    this(
        dedupKey,
        kind,
        repeat,
        ruleId,
        seriesId,
        condition,
        summary,
        observed,
        expected,
        startedAt,
        at,
        channels,
        null,
        List.of(seriesId),
        List.of());
  }

  /** True for the notification that pages: a first FIRING, not a reminder or an update. */
  public boolean pages() {
    return kind == NotificationKind.FIRING && !repeat;
  }

  /**
   * A one-line title, e.g. {@code [FIRING] SILENCE retail.sale_v1/CREATED} or {@code [UPDATED]
   * SILENCE retail.sale_v1/CREATED (escalated from DROP)}.
   */
  public String title() {
    String change = "";
    if (previousCondition != null) {
      change =
          " ("
              + (Condition.valueOf(condition).severity()
                      > Condition.valueOf(previousCondition).severity()
                  ? "escalated"
                  : "eased")
              + " from "
              + previousCondition
              + ")";
    }
    return "[" + kind + "] " + condition + " " + seriesId + change;
  }
}
