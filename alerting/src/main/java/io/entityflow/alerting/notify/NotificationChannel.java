package io.entityflow.alerting.notify;

/**
 * Somewhere notifications go. {@link #send} makes one attempt; {@link NotificationDispatcher}
 * retries.
 *
 * <pre>{@code
 * NotificationChannel slack = new SlackChannel("slack", URI.create(webhookUrl), http);
 * slack.send(notification);
 * }</pre>
 *
 * <p>Guarantees expected of implementations: never put secrets (webhook URLs, keys, passwords) in
 * exceptions or logs; throw {@link DeliveryException} on failure.
 */
public interface NotificationChannel {
  /** The channel's configured name (rules refer to it). */
  String name();

  /** Sends once. */
  void send(Notification notification) throws DeliveryException;
}
