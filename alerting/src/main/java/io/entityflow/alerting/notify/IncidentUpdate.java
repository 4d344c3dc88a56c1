package io.entityflow.alerting.notify;

import java.time.Instant;

/**
 * One entry of an incident's history, as the status page and the webhook show it: when it fired,
 * each update (a condition escalated or eased, a series joined or recovered) and the resolve.
 *
 * <pre>{@code
 * new IncidentUpdate(at, NotificationKind.UPDATED, "SILENCE", "Escalated from DROP to SILENCE: ...");
 * }</pre>
 *
 * @param at when it happened (service clock)
 * @param kind FIRING, UPDATED or RESOLVED
 * @param condition the incident's condition after it
 * @param summary one sentence (no payloads)
 */
public record IncidentUpdate(Instant at, NotificationKind kind, String condition, String summary) {}
