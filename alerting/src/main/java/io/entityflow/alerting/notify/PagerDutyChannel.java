package io.entityflow.alerting.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Map;

/**
 * PagerDuty Events API v2: a firing alert sends {@code event_action: trigger}, a resolved one
 * {@code resolve}, both with the alert's dedup key, so PagerDuty resolves the same incident. The
 * URL is configurable (default {@value #DEFAULT_URL}).
 *
 * <pre>{@code
 * new PagerDutyChannel("pagerduty", URI.create(PagerDutyChannel.DEFAULT_URL), routingKey, poster);
 * }</pre>
 *
 * <p>Guarantees: the routing key never appears in errors or {@link #toString()}.
 */
public final class PagerDutyChannel implements NotificationChannel {
  /** PagerDuty's Events v2 endpoint. */
  public static final String DEFAULT_URL = "https://events.pagerduty.com/v2/enqueue";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final String name;
  private final URI url;
  private final String routingKey;
  private final HttpJsonPoster poster;

  /** Creates the channel. */
  public PagerDutyChannel(String name, URI url, String routingKey, HttpJsonPoster poster) {
    this.name = name;
    this.url = url;
    this.routingKey = routingKey;
    this.poster = poster;
  }

  /** The Events v2 JSON of a notification. */
  public String body(Notification n) {
    ObjectNode o = JSON.createObjectNode();
    o.put("routing_key", routingKey);
    o.put("dedup_key", n.dedupKey());
    if (n.kind() == NotificationKind.RESOLVED) {
      o.put("event_action", "resolve");
      return o.toString();
    }
    o.put("event_action", "trigger");
    ObjectNode payload = o.putObject("payload");
    String summary = n.summary();
    payload.put("summary", summary.length() > 1024 ? summary.substring(0, 1024) : summary);
    payload.put("source", "entityflow-alerting");
    payload.put(
        "severity",
        "SILENCE".equals(n.condition()) || "INGESTION_DOWN".equals(n.condition())
            ? "critical"
            : "error");
    payload.put("component", n.seriesId());
    payload.put("group", n.ruleId());
    payload.put("class", n.condition());
    ObjectNode details = payload.putObject("custom_details");
    details.put("observed", n.observed());
    details.put("expected", Math.round(n.expected() * 10) / 10.0);
    if (n.kind() == NotificationKind.UPDATED) {
      details.put("update", summary);
    }
    if (n.previousCondition() != null) {
      details.put("previous_condition", n.previousCondition());
    }
    n.members().forEach(details.putArray("series")::add);
    ArrayNode history = details.putArray("history");
    for (IncidentUpdate u : n.history()) {
      history.add(u.at() + " " + u.kind() + " " + u.condition() + ": " + u.summary());
    }
    return o.toString();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void send(Notification n) throws DeliveryException {
    poster.post(name, url, body(n), Map.of());
  }

  @Override
  public String toString() {
    return "PagerDutyChannel{" + name + "}";
  }
}
