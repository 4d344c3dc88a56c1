package io.entityflow.alerting.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The documented generic webhook JSON (version 1), also written by the webhook log file channel:
 *
 * <pre>{@code
 * {"version":"1","status":"firing","repeat":false,"dedup_key":"ef-...","rule":"default",
 *  "series":"retail.sale_v1/CREATED","condition":"SILENCE","summary":"No CREATED ...",
 *  "observed":0.0,"expected":14.2,"started_at":"2026-...Z","sent_at":"2026-...Z",
 *  "previous_condition":null,"members":["retail.sale_v1/CREATED"],
 *  "history":[{"at":"2026-...Z","kind":"firing","condition":"SILENCE","summary":"No CREATED ..."}]}
 * }</pre>
 *
 * <p>Guarantees: fields in this order; {@code status} is {@code firing}, {@code updated} (the open
 * incident changed: {@code previous_condition} set on an escalation or easing, a series joined or
 * recovered) or {@code resolved}; {@code dedup_key} is the same for every message of an incident.
 */
public final class WebhookPayload {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookPayload() {}

  /** The JSON text of a notification. */
  public static String json(Notification n) {
    ObjectNode o = JSON.createObjectNode();
    o.put("version", "1");
    o.put("status", n.kind().name().toLowerCase(java.util.Locale.ROOT));
    o.put("repeat", n.repeat());
    o.put("dedup_key", n.dedupKey());
    o.put("rule", n.ruleId());
    o.put("series", n.seriesId());
    o.put("condition", n.condition());
    o.put("summary", n.summary());
    o.put("observed", n.observed());
    o.put("expected", Math.round(n.expected() * 10) / 10.0);
    o.put("started_at", n.startedAt() == null ? null : n.startedAt().toString());
    o.put("sent_at", n.at().toString());
    o.put("previous_condition", n.previousCondition());
    n.members().forEach(o.putArray("members")::add);
    ArrayNode history = o.putArray("history");
    for (IncidentUpdate u : n.history()) {
      history
          .addObject()
          .put("at", u.at().toString())
          .put("kind", u.kind().name().toLowerCase(java.util.Locale.ROOT))
          .put("condition", u.condition())
          .put("summary", u.summary());
    }
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write webhook JSON", e);
    }
  }
}
