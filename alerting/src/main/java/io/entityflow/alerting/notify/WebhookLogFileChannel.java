package io.entityflow.alerting.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends each notification's {@link WebhookPayload} JSON as one line to a file (JSON Lines): the
 * local-mode stand-in for a webhook receiver, easy to tail or assert on.
 *
 * <pre>{@code
 * new WebhookLogFileChannel("webhook-log", Path.of(".entityflow/alerts.jsonl")).send(n);
 * }</pre>
 *
 * <p>Guarantees: one complete line per notification, appended with a single write.
 */
public final class WebhookLogFileChannel implements NotificationChannel {
  private final String name;
  private final Path file;

  /** Creates the channel. */
  public WebhookLogFileChannel(String name, Path file) {
    this.name = name;
    this.file = file;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized void send(Notification n) throws DeliveryException {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Files.write(
          file,
          (WebhookPayload.json(n) + "\n").getBytes(StandardCharsets.UTF_8),
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new DeliveryException(name + ": cannot append to " + file + ": " + e, null, true, e);
    }
  }
}
