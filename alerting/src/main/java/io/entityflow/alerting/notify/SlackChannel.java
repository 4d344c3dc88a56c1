package io.entityflow.alerting.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Map;

/**
 * Posts to a Slack incoming webhook: {@code {"text": "..."}} with a red or green marker, the title,
 * the summary and the dedup key. Firing and resolved messages go to the same webhook. A 429 is
 * retried after the {@code Retry-After} Slack sends.
 *
 * <pre>{@code
 * new SlackChannel("slack", URI.create(System.getenv("SLACK_WEBHOOK_URL")), poster);
 * }</pre>
 *
 * <p>Guarantees: the webhook URL (a secret) never appears in errors or {@link #toString()}.
 */
public final class SlackChannel implements NotificationChannel {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String name;
  private final URI webhook;
  private final HttpJsonPoster poster;

  /** Creates the channel. */
  public SlackChannel(String name, URI webhook, HttpJsonPoster poster) {
    this.name = name;
    this.webhook = webhook;
    this.poster = poster;
  }

  /** The Slack message text of a notification. */
  public static String text(Notification n) {
    String marker =
        switch (n.kind()) {
          case FIRING -> ":red_circle:";
          case UPDATED -> ":large_orange_circle:";
          case RESOLVED -> ":large_green_circle:";
        };
    return marker
        + " *"
        + n.title()
        + (n.repeat() ? " (still firing)" : "")
        + "*\n"
        + n.summary()
        + (n.members().size() > 1 ? "\nseries: " + String.join(", ", n.members()) : "")
        + "\ndedup key `"
        + n.dedupKey()
        + "`";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void send(Notification n) throws DeliveryException {
    String body = JSON.createObjectNode().put("text", text(n)).toString();
    poster.post(name, webhook, body, Map.of());
  }

  @Override
  public String toString() {
    return "SlackChannel{" + name + "}";
  }
}
